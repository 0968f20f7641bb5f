import io

from openpyxl import load_workbook

from odoo.tests import tagged

from .common import KefuCallbackCase


@tagged("post_install", "-at_install", "kefu", "kefu_callback")
class TestCallbackSummaryReport(KefuCallbackCase):
    def test_summary_xlsx_cell_by_cell(self):
        # CBK-6: per month and agent: planned, done, coverage, satisfaction, answers.
        self.frozen(self.local(2027, 6, 14, 11, 0))
        key_two = self.env["res.partner"].create({"name": "Key Two", "tz": "Asia/Shanghai"})
        (self.customer | key_two).kefu_key_customer = True
        done = self.make_callback(
            user=self.agent,
            date_start=self.local(2027, 6, 14, 10, 0),
            date_end=self.local(2027, 6, 14, 10, 4),
            satisfaction="4",
        )
        self.answer_all(done)
        done.answer_ids[0].answer = "no"
        done.outcome = "Fine"
        done.action_done()
        planned = self.make_callback(user=self.agent, partner_id=key_two.id)
        other = self.make_callback(
            user=self.leader,
            partner_id=self.customer_berlin.id,
            planned_date=self.local(2027, 6, 14, 9, 0, tz="Europe/Berlin"),
        )
        callbacks = done | planned | other
        content, report_type = self.env["ir.actions.report"]._render_xlsx(
            "kefu_management.kefu_callback_summary_xlsx", callbacks.ids, {}
        )
        self.assertEqual(report_type, "xlsx")
        book = load_workbook(io.BytesIO(content))
        summary = book.worksheets[0]
        rows = [list(row) for row in summary.iter_rows(values_only=True)]
        self.assertEqual(
            rows[0],
            [
                "Period",
                "Agent",
                "Planned",
                "Done",
                "Key Customers",
                "Key Customers Called Back",
                "Coverage (%)",
                "Average Satisfaction",
            ],
        )
        self.assertEqual(rows[1], ["2027-06", self.agent.name, 2, 1, 2, 1, 50, 4])
        self.assertEqual(rows[2], ["2027-06", self.leader.name, 1, 0, 0, 0, None, None])
        self.assertEqual(rows[3], ["2027-06", "All agents", 3, 1, 2, 1, 50, 4])
        self.assertEqual(len(rows), 4)
        answers = [list(row) for row in book.worksheets[1].iter_rows(values_only=True)]
        self.assertEqual(answers[0], ["Period", "Agent", "Question", "Yes", "No", "Comments"])
        self.assertEqual(len(answers), 11, "one row per question of the done callback")
        first_question = done.answer_ids.sorted("sequence")[0].question_id.name
        self.assertEqual(answers[1], ["2027-06", self.agent.name, first_question, 0, 1, 0])
        self.assertEqual(answers[2][3:], [1, 0, 0])
        self.assertEqual(answers[10][3:], [0, 0, 1], "the free comment question")

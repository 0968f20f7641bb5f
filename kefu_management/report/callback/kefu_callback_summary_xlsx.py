from collections import defaultdict
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import models


class KefuCallbackSummaryXlsx(models.AbstractModel):
    """Callback Summary Report (回访总结报告, CBK-6): per month and agent, the
    planned and done callbacks, key-customer coverage, satisfaction and the
    answers per question."""

    _name = "report.kefu_management.kefu_callback_summary_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Callback Summary Report"

    def _period_of(self, callback, company=None):
        """RPT-5: the month a callback belongs to (its call's end when done)."""
        definition = self.env["kefu.kpi.definition"]
        day = definition._local_date(definition._callback_date(callback), company)
        return day.strftime("%Y-%m")

    def _summary_rows(self, callbacks):
        """Rows (period, agent, planned, done, key, key done, coverage, satisfaction)
        for each month and agent of the selected callbacks; the figures are the
        whole month's, as ``kefu.kpi.definition`` defines them (RPT-5), so that
        they equal the dashboard's and the pivot's."""
        company = self.env.company
        periods = defaultdict(lambda: self.env["res.users"])
        for callback in callbacks:
            periods[self._period_of(callback, company)] |= callback.user_id
        rows = []
        for period in sorted(periods):
            first = date.fromisoformat(f"{period}-01")
            last = first + relativedelta(months=1, days=-1)
            users = periods[period].sorted(lambda user: user.name or "")
            for user in users:
                rows.append(
                    (
                        period,
                        user.name or self.env._("Unassigned"),
                        *self._figures(first, last, company, user),
                    )
                )
            rows.append((period, self.env._("All agents"), *self._figures(first, last, company)))
        return rows

    def _figures(self, first, last, company, user=None):
        definition = self.env["kefu.kpi.definition"]
        figures = definition._callback_figures(first, last, company, user=user or None)
        coverage = definition._coverage(first, last, company, user=user or None)
        return (
            figures["callbacks"],
            figures["callbacks_done"],
            coverage["total"],
            coverage["done"],
            round(coverage["rate"], 1) if coverage["total"] else "",
            figures["satisfaction"] if figures["rated"] else "",
        )

    def _answer_rows(self, callbacks):
        counts = defaultdict(lambda: [0, 0, 0])
        questions = {}
        for callback in callbacks.filtered(lambda c: c.state == "done"):
            for answer in callback.answer_ids:
                key = (
                    self._period_of(callback),
                    callback.user_id.name or "",
                    answer.question_id.sequence,
                    answer.question_id.id,
                )
                questions[answer.question_id.id] = answer.question_id.name
                if answer.answer == "yes":
                    counts[key][0] += 1
                elif answer.answer == "no":
                    counts[key][1] += 1
                elif answer.answer_text:
                    counts[key][2] += 1
        return [
            (period, agent, questions[qid], *counts[(period, agent, seq, qid)])
            for period, agent, seq, qid in sorted(counts)
        ]

    def generate_xlsx_report(self, workbook, data, callbacks):
        _ = self.env._
        bold = workbook.add_format({"bold": True})
        sheet = workbook.add_worksheet(_("Summary"))
        sheet.write_row(
            0,
            0,
            [
                _("Period"),
                _("Agent"),
                _("Planned"),
                _("Done"),
                _("Key Customers"),
                _("Key Customers Called Back"),
                _("Coverage (%)"),
                _("Average Satisfaction"),
            ],
            bold,
        )
        for row, values in enumerate(self._summary_rows(callbacks), start=1):
            sheet.write_row(row, 0, values)
        sheet.set_column(0, 1, 16)
        sheet.set_column(2, 7, 14)
        answers = workbook.add_worksheet(_("Answers"))
        answers.write_row(
            0, 0, [_("Period"), _("Agent"), _("Question"), _("Yes"), _("No"), _("Comments")], bold
        )
        for row, values in enumerate(self._answer_rows(callbacks), start=1):
            answers.write_row(row, 0, values)
        answers.set_column(2, 2, 60)

import base64
import io
from datetime import date

from openpyxl import load_workbook

from odoo.tests import tagged

from ..callback.common import KefuCallbackCase

APRIL = (date(2027, 4, 1), date(2027, 4, 30))
MARCH = (date(2027, 3, 1), date(2027, 3, 31))


@tagged("post_install", "-at_install", "kefu", "kefu_reporting")
class TestKpiSameFigureEverywhere(KefuCallbackCase):
    """RPT-5 (issue 15 item 6): one period, one data set, the same coverage,
    satisfaction and per-agent figures on the dashboard, the pivot, the planner
    warning, the callback summary XLSX and the department report XLSX.

    One key customer, called back on 1 April for a callback planned on 30 March
    (satisfied: 4), and one planned callback in April of another customer.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ICP = cls.env["ir.config_parameter"].sudo()
        for name, field in cls.env["res.config.settings"]._fields.items():
            if name.startswith("kefu_rpt_"):
                ICP.set_param(field.config_parameter, False)
        cls.customer.kefu_key_customer = True
        Callback = cls.env["kefu.callback"]
        cls.done = Callback.create(
            {
                "partner_id": cls.customer.id,
                "planned_date": cls.local(2027, 3, 30, 10, 0),
                "user_id": cls.agent.id,
                "team_id": cls.team.id,
                "state": "done",
                "satisfaction": "4",
                "date_start": cls.local(2027, 4, 1, 10, 0),
                "date_end": cls.local(2027, 4, 1, 10, 5),
            }
        )
        cls.planned = Callback.create(
            {
                "partner_id": cls.customer_berlin.id,
                "planned_date": cls.local(2027, 4, 5, 10, 0, tz="Europe/Berlin"),
                "user_id": cls.agent.id,
                "team_id": cls.team.id,
            }
        )
        # Assigned to agent_b, first answered by agent: the assignee is the agent.
        cls.ticket = cls.make_ticket(
            user_id=cls.agent_b.id, kefu_contact_date=cls.local(2027, 4, 6, 9, 0)
        )
        cls.ticket.sudo().kefu_first_responder_id = cls.agent

    def dashboard(self, period, **kwargs):
        return self.env["kefu.kpi"].compute(*period, **kwargs)

    def summary_rows(self, callbacks):
        content, _ext = self.env["ir.actions.report"]._render_xlsx(
            "kefu_management.kefu_callback_summary_xlsx", callbacks.ids, {}
        )
        sheet = load_workbook(io.BytesIO(content)).worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)][1:]

    def test_coverage_same_on_every_surface(self):
        self.frozen(self.local(2027, 5, 3, 10, 0))
        # The callback belongs to April, the day it was made.
        self.assertEqual(self.dashboard(MARCH)["key_coverage"], 0.0)
        self.assertEqual(self.dashboard(APRIL)["key_coverage"], 100.0)
        Planner = self.env["kefu.callback.planner"]
        self.assertEqual(Planner.coverage(date(2027, 3, 1), date(2027, 4, 1))["rate"], 0.0)
        self.assertEqual(Planner.coverage(date(2027, 4, 1), date(2027, 5, 1))["rate"], 100.0)
        # The planner's warning: March is short of the target, April meets it.
        self.assertTrue(Planner._coverage_step(date(2027, 3, 28)))
        self.assertIsNone(Planner._coverage_step(date(2027, 4, 28)))
        rows = self.summary_rows(self.done | self.planned)
        self.assertEqual(
            rows,
            [
                ["2027-04", self.agent.name, 2, 1, 1, 1, 100, 4],
                ["2027-04", "All agents", 2, 1, 1, 1, 100, 4],
            ],
        )

    def test_satisfaction_and_agent_figures_same_on_every_surface(self):
        self.frozen(self.local(2027, 5, 3, 10, 0))
        kpis = self.dashboard(APRIL)
        self.assertEqual(kpis["satisfaction"], 4.0, "planned callbacks do not count as 0")
        self.assertEqual(kpis["callback_rate"], 50.0)
        mine = self.dashboard(APRIL, user=self.agent)
        self.assertEqual((mine["callbacks"], mine["callback_rate"]), (2, 50.0))
        # The callback pivot.
        rows = self.env["kefu.kpi.callback"]._read_group(
            [("day", ">=", APRIL[0]), ("day", "<=", APRIL[1])],
            ["user_id"],
            ["callback_count:sum", "satisfaction:avg", "completion_rate:avg"],
        )
        self.assertEqual(rows, [(self.agent, 2, 4.0, 50.0)])
        # Tickets per agent: the assignee, on the dashboard, the pivot and the daily counts.
        self.assertEqual(self.dashboard(APRIL, user=self.agent_b)["contacts"], 1)
        self.assertEqual(self.dashboard(APRIL, user=self.agent)["contacts"], 0)
        pivot = self.env["kefu.kpi.ticket"]._read_group(
            [("ticket_id", "=", self.ticket.id)], ["user_id"], ["contact_count:sum"]
        )
        self.assertEqual(pivot, [(self.agent_b, 1)])
        self.env["kefu.kpi.daily"].invalidate_model()
        daily = self.env["kefu.kpi.daily"]._read_group(
            [("day", "=", date(2027, 4, 6)), ("enquiry_count", ">", 0)], ["user_id"], []
        )
        self.assertEqual(daily, [(self.agent_b,)])

    def test_department_report_xlsx_same_figures(self):
        self.frozen(self.local(2027, 5, 3, 10, 0))
        report = self.env["kefu.kpi.report"].create(
            {"kind": "quality", "date_from": APRIL[0], "date_to": APRIL[1]}
        )
        report.action_generate()
        book = load_workbook(io.BytesIO(base64.b64decode(report.attachment_id.datas)))
        values = {
            row[0]: row[1] for row in book.worksheets[0].iter_rows(values_only=True) if row[0]
        }
        kpis = self.dashboard(APRIL)
        self.assertEqual(values["Key-customer Coverage (%)"], kpis["key_coverage"])
        self.assertEqual(values["Key-customer Coverage (%)"], 100)
        self.assertEqual(values["Satisfaction (average score)"], 4)
        self.assertEqual(values["Callback Completion (%)"], 50)

    def test_callback_pivot_shows_no_zero_counting_average(self):
        # The callback pivot's satisfaction_score counts planned callbacks as 0: the
        # average is read from the callback KPIs instead.
        base = self.env.ref("kefu_management.kefu_callback_view_pivot").arch_db
        self.assertIn("satisfaction_score", base)
        arch = self.env["kefu.callback"].get_views([(False, "pivot")])["views"]["pivot"]["arch"]
        self.assertNotIn("satisfaction_score", arch)

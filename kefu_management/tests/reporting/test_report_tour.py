from datetime import date, datetime, time

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "kefu", "kefu_reporting", "kefu_tour")
class TestReportTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env, "t_rpt_manager", groups="kefu_management.group_kefu_manager"
        )
        cls.env["helpdesk.ticket"].create(
            {
                "name": "Dashboard ticket",
                "description": "<p>For the dashboard.</p>",
                "user_id": cls.manager.id,
                "kefu_enquiry_type_id": cls.env.ref(
                    "kefu_management.kefu_enquiry_type_consultation"
                ).id,
            }
        )

    def test_dashboard_drills_down_in_the_browser(self):
        self.start_tour(
            "/odoo/action-kefu_management.kefu_kpi_ticket_action",
            "kefu_kpi_dashboard_tour",
            login="t_rpt_manager",
        )

    def test_dashboard_shows_archive_scores_in_the_browser(self):
        # ARC-14: a data form of this month, handed in on time by the manager as
        # the sales person: 100% of a 100% target, the full weight of 10.
        # Signed at noon in Shanghai (04:00 UTC) of the manager's today: in the
        # month the screen opens with, whatever the hour the test runs.
        today = fields.Date.context_today(self.manager)
        now = datetime.combine(today, time(4, 0))
        form = self.env["kefu.archive.form"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "华南五金有限公司"}).id,
                "user_id": self.manager.id,
                "contract_signed_on": now,
            }
        )
        form.write({"state": "submitted", "submitted_on": now})
        self.assertTrue(form.form_on_time)
        self.start_tour(
            "/odoo/action-kefu_management.kefu_kpi_ticket_action",
            "kefu_kpi_archive_scores_tour",
            login="t_rpt_manager",
        )

    def test_manager_generates_a_report_in_the_browser(self):
        self.start_tour(
            "/odoo/action-kefu_management.kefu_kpi_report_action",
            "kefu_kpi_report_tour",
            login="t_rpt_manager",
        )
        report = self.env["kefu.kpi.report"].search([("date_from", "=", date(2031, 3, 1))])
        self.assertEqual(report.state, "done")
        self.assertEqual(report.user_id, self.manager)
        self.assertTrue(report.attachment_id.name.endswith(".xlsx"))

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import KefuArchiveCase


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestCustomerReport(KefuArchiveCase):
    def test_monthly_reports_open_once_per_sales_person_due_first_monday(self):
        Report = self.env["kefu.customer.report"]
        # 2027-02-01 is a Monday and a holiday here: due on Tuesday the 2nd.
        self.add_holiday(date(2027, 2, 1), date(2027, 2, 1))
        with freeze_time("2027-02-01 03:00:00"):
            created = Report._cron_open_monthly()
            again = Report._cron_open_monthly()
        self.assertFalse(again)
        mine = created.filtered(lambda r: r.user_id == self.salesman)
        self.assertEqual(len(mine), 1)
        self.assertEqual(mine.date_due, date(2027, 2, 2))
        self.assertEqual(mine.activity_ids.user_id, self.salesman)
        self.assertEqual(Report.search_count([("user_id", "=", self.salesman.id)]), 1)
        # March 2027 starts on a Monday too; April's first Monday is the 5th.
        self.assertEqual(Report._report_due(date(2027, 4, 1)), date(2027, 4, 5))

    def test_submission_needs_content_and_sales_see_only_their_own(self):
        Report = self.env["kefu.customer.report"]
        with freeze_time("2027-03-01 03:00:00"):
            reports = Report._cron_open_monthly()
        mine = reports.filtered(lambda r: r.user_id == self.salesman).with_user(self.salesman)
        with self.assertRaises(UserError):
            mine.action_submit()
        mine.content = "<p>Two new customers in Suzhou</p>"
        with freeze_time("2027-03-01 05:00:00"):
            mine.action_submit()
        self.assertTrue(mine.on_time)
        others = reports - mine
        self.assertFalse(Report.with_user(self.salesman).search([("id", "in", others.ids)]))
        self.assertEqual(
            Report.with_user(self.agent).search_count([("id", "in", reports.ids)]), len(reports)
        )


@tagged("post_install", "-at_install", "kefu", "kefu_archive", "kefu_access")
class TestArchiveReportAndFirstData(KefuArchiveCase):
    def test_printed_archive_follows_the_clearance(self):
        Report = self.env["ir.actions.report"]
        top = self.archives["top_secret"]
        # The report's values are computed as the reader: refused before rendering.
        with self.assertRaises(AccessError):
            Report.with_user(self.agent)._render_qweb_html(
                "kefu_management.kefu_archive_report", top.ids
            )
        html, _type = Report.with_user(self.general_manager)._render_qweb_html(
            "kefu_management.kefu_archive_report", top.ids
        )
        self.assertIn(b"structure top_secret", html)

    def test_new_archive_asks_for_personal_details_within_a_month(self):
        partner = self.env["res.partner"].create({"name": "Details Co.", "is_company": True})
        with freeze_time("2026-11-20 03:00:00"):
            archive = self.Archive.create({"partner_id": partner.id, "agent_id": self.agent.id})
        todo = archive.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_todo")
        )
        # 30 days after Friday 2026-11-20 is Sunday 2026-12-20: next working day Monday.
        self.assertEqual(todo.date_deadline, date(2026, 12, 21))
        self.assertEqual(todo.user_id, self.agent)

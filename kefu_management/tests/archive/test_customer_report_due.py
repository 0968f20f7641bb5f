from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import KefuArchiveCase


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestCustomerReportDue(KefuArchiveCase):
    """ARC-4: the report's weekday and week of the month are settings."""

    def test_rulebook_default_is_the_first_monday(self):
        ICP = self.env["ir.config_parameter"].sudo()
        settings = self.env["res.config.settings"]
        for name in ("kefu_arc_report_weekday", "kefu_arc_report_week"):
            ICP.set_param(settings._fields[name].config_parameter, False)
        self.assertEqual(self.env["kefu.settings"].get_value("kefu_arc_report_weekday"), "0")
        self.assertEqual(self.env["kefu.settings"].get_value("kefu_arc_report_week"), 1)
        # April 2027 starts on a Thursday: its first Monday is the 5th.
        self.assertEqual(
            self.env["kefu.customer.report"]._report_due(date(2027, 4, 1)), date(2027, 4, 5)
        )

    def test_second_wednesday_setting_moves_the_due_date(self):
        Report = self.env["kefu.customer.report"]
        self.env["res.config.settings"].create(
            {"kefu_arc_report_weekday": "2", "kefu_arc_report_week": 2}
        ).execute()
        # March 2027 starts on a Monday: Wednesdays 3rd and 10th.
        with freeze_time("2027-03-01 03:00:00"):
            created = Report._cron_open_monthly()
        mine = created.filtered(lambda r: r.user_id == self.salesman)
        self.assertEqual(mine.date_due, date(2027, 3, 10))
        self.assertEqual(mine.activity_ids.date_deadline, date(2027, 3, 10))
        # April 2027: Wednesdays 7th and 14th; the 14th a holiday: Thursday 15th.
        self.add_holiday(date(2027, 4, 14), date(2027, 4, 14))
        self.assertEqual(Report._report_due(date(2027, 4, 1)), date(2027, 4, 15))

    def test_week_of_month_is_bounded_and_nothing_saved(self):
        reader = self.env["kefu.settings"]
        before = reader.get_value("kefu_arc_report_week")
        for bad in (0, 5):
            with self.assertRaises(ValidationError):
                self.env["res.config.settings"].create({"kefu_arc_report_week": bad}).execute()
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].create({"kefu_arc_report_weekday": "7"})
        self.assertEqual(reader.get_value("kefu_arc_report_week"), before)

    def test_settings_form_shows_weekday_and_week(self):
        arch = self.env["res.config.settings"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="kefu_arc_report_weekday"', arch)
        self.assertIn('name="kefu_arc_report_week"', arch)

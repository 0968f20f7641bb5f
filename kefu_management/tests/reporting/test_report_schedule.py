from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .test_kpi import KefuKpiCase


@tagged("post_install", "-at_install", "kefu", "kefu_reporting")
class TestReportSchedule(KefuKpiCase):
    """RPT-1 weekday and catch-up, RPT-2 to every CS Manager, RPT-4 to the GM."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Report = cls.env["kefu.kpi.report"]
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.manager.lang = "zh_CN"
        cls.manager_en = new_test_user(
            cls.env, "t_manager_en", groups="kefu_management.group_kefu_manager", lang="en_US"
        )
        cls.general_manager.lang = "en_US"

    def set_param(self, name, value):
        self.env["ir.config_parameter"].sudo().set_param(f"kefu_management.{name}", value)

    def reports(self, kind, date_from):
        return self.Report.search(
            [
                ("company_id", "=", self.env.company.id),
                ("kind", "=", kind),
                ("date_from", "=", date_from),
            ]
        )

    def run_cron(self, moment, method):
        with freeze_time(moment):
            getattr(self.Report.with_context(lang="en_US"), method)()

    # RPT-1 -----------------------------------------------------------------------

    def test_weekly_friday_holiday_moves_to_thursday(self):
        # Friday 21 March 2031 is a public holiday: the summary comes on Thursday.
        self.add_holiday(date(2031, 3, 21), date(2031, 3, 21))
        self.run_cron("2031-03-19 02:00:00", "_cron_kefu_weekly_summary")  # Wednesday
        self.assertFalse(self.reports("weekly", date(2031, 3, 17)))
        self.run_cron("2031-03-20 02:00:00", "_cron_kefu_weekly_summary")  # Thursday
        weekly = self.reports("weekly", date(2031, 3, 17))
        self.assertEqual(len(weekly), 1)
        self.assertEqual(weekly.date_to, date(2031, 3, 23))
        self.assertTrue(weekly.attachment_id)
        # Friday (the holiday) and again: still one.
        self.run_cron("2031-03-21 02:00:00", "_cron_kefu_weekly_summary")
        self.run_cron("2031-03-21 02:00:00", "_cron_kefu_weekly_summary")
        self.assertEqual(len(self.reports("weekly", date(2031, 3, 17))), 1)

    def test_weekly_missed_week_is_caught_up_once(self):
        # Nothing ran on Friday 28 March: Monday 31 March makes that week's summary.
        self.run_cron("2031-03-31 02:00:00", "_cron_kefu_weekly_summary")
        self.run_cron("2031-03-31 03:00:00", "_cron_kefu_weekly_summary")
        missed = self.reports("weekly", date(2031, 3, 24))
        self.assertEqual(len(missed), 1)
        self.assertEqual(len(missed.message_ids.filtered("attachment_ids")), 1)
        # The new week's is not due yet.
        self.assertFalse(self.reports("weekly", date(2031, 3, 31)))

    def test_weekly_weekday_is_a_setting(self):
        self.assertEqual(self.env["kefu.settings"].get_value("kefu_rpt_weekly_weekday"), "4")
        self.env["res.config.settings"].create({"kefu_rpt_weekly_weekday": "2"}).execute()
        self.run_cron("2031-03-11 02:00:00", "_cron_kefu_weekly_summary")  # Tuesday
        self.assertFalse(self.reports("weekly", date(2031, 3, 10)))
        self.run_cron("2031-03-12 02:00:00", "_cron_kefu_weekly_summary")  # Wednesday
        self.assertEqual(len(self.reports("weekly", date(2031, 3, 10))), 1)

    def test_settings_bounded_nothing_written(self):
        reader = self.env["kefu.settings"]
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].create({"kefu_rpt_weekly_weekday": "7"})
        for bad in (-1, 28):
            with self.assertRaises(ValidationError):
                self.env["res.config.settings"].create(
                    {"kefu_rpt_supervision_days_before_end": bad}
                ).execute()
        self.assertEqual(reader.get_value("kefu_rpt_weekly_weekday"), "4")
        self.assertEqual(reader.get_value("kefu_rpt_supervision_days_before_end"), 0)
        arch = self.env["res.config.settings"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="kefu_rpt_weekly_weekday"', arch)
        self.assertIn('name="kefu_rpt_supervision_days_before_end"', arch)

    # RPT-2 -----------------------------------------------------------------------

    def test_quality_report_to_every_cs_manager_in_their_language(self):
        self.run_cron("2031-04-21 02:00:00", "_cron_kefu_monthly_reports")
        self.run_cron("2031-04-21 03:00:00", "_cron_kefu_monthly_reports")
        quality = self.reports("quality", date(2031, 3, 1))
        self.assertEqual(len(quality), 1)
        activities = quality.activity_ids
        cs_managers = self.Report._kefu_managers(self.env.company)
        self.assertIn(self.manager, cs_managers)
        self.assertIn(self.manager_en, cs_managers)
        # The General Manager is a CS Manager by implication only: RPT-4 is theirs.
        self.assertNotIn(self.general_manager, cs_managers)
        self.assertEqual(activities.user_id, cs_managers)
        self.assertEqual(len(activities), len(cs_managers))
        self.assertEqual(set(activities.mapped("date_deadline")), {date(2031, 4, 22)})
        english = activities.filtered(lambda a: a.user_id == self.manager_en)
        self.assertIn("Review and send", english.summary)
        chinese = activities.filtered(lambda a: a.user_id == self.manager)
        self.assertNotIn("Review and send", chinese.summary)
        # RPT-4 is no longer handed to the CS Manager before the 22nd.
        self.assertFalse(
            self.reports("supervision", date(2031, 3, 1)).activity_ids.filtered(
                lambda a: a.user_id in cs_managers
            )
        )

    # RPT-4 -----------------------------------------------------------------------

    def test_supervision_report_to_the_general_manager_at_month_end(self):
        self.run_cron("2031-03-28 02:00:00", "_cron_kefu_monthly_reports")  # Friday
        self.assertFalse(self.reports("supervision", date(2031, 3, 1)))
        self.run_cron("2031-03-31 02:00:00", "_cron_kefu_monthly_reports")  # Monday, last day
        self.run_cron("2031-03-31 03:00:00", "_cron_kefu_monthly_reports")
        report = self.reports("supervision", date(2031, 3, 1))
        self.assertEqual(len(report), 1)
        self.assertEqual(report.date_to, date(2031, 3, 31))
        self.assertTrue(report.attachment_id)
        gms = self.Report._kefu_general_managers(self.env.company)
        self.assertIn(self.general_manager, gms)
        self.assertIn(report.user_id, gms)
        self.assertEqual(report.activity_ids.user_id, gms)
        self.assertEqual(len(report.activity_ids), len(gms))
        self.assertNotIn(self.manager, report.activity_ids.user_id)
        mine = report.activity_ids.filtered(lambda a: a.user_id == self.general_manager)
        self.assertEqual(mine.date_deadline, date(2031, 3, 31))
        self.assertIn("Service Supervision Report", mine.summary)

    def test_supervision_offset_weekend_and_missed_month(self):
        # Three days before the end of April 2031 is Sunday 27: Friday 25.
        self.set_param("rpt_supervision_days_before_end", 3)
        self.run_cron("2031-04-24 02:00:00", "_cron_kefu_monthly_reports")
        self.assertFalse(self.reports("supervision", date(2031, 4, 1)))
        self.run_cron("2031-04-25 02:00:00", "_cron_kefu_monthly_reports")
        self.assertEqual(len(self.reports("supervision", date(2031, 4, 1))), 1)
        # May 2031 (due Wednesday 28) is missed: 2 June makes it, once.
        self.run_cron("2031-06-02 02:00:00", "_cron_kefu_monthly_reports")
        self.run_cron("2031-06-02 03:00:00", "_cron_kefu_monthly_reports")
        self.assertEqual(len(self.reports("supervision", date(2031, 5, 1))), 1)
        self.assertFalse(self.reports("supervision", date(2031, 6, 1)))

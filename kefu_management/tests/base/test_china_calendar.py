from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..common import KefuCase


@tagged("post_install", "-at_install", "kefu", "kefu_base", "kefu_working_time")
class TestChinaCalendar(KefuCase):
    """China's official holidays and 调休 loaded from the chinesecalendar package."""

    def load(self, year, user=None):
        wizard = (
            self.env["kefu.holiday.import"]
            .with_user(user or self.manager)
            .with_context(lang="zh_CN")
            .create({"source": "china", "year": year, "calendar_id": self.calendar.id})
        )
        wizard.action_import()
        return wizard

    def leaves(self, name):
        return self.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", self.calendar.id), ("name", "=", name)]
        )

    def test_loading_2026_creates_the_spring_festival_and_its_makeup_saturdays(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        wizard = self.load(2026)
        spring = self.leaves("春节")
        self.assertEqual(len(spring), 1)
        # 15-23 February 2026, whole days in the calendar's time zone (Shanghai).
        self.assertEqual(spring.date_from, self.local(2026, 2, 15, 0, 0))
        self.assertEqual(spring.date_to, self.local(2026, 2, 23, 23, 59, 59))
        makeups = self.env["kefu.makeup.day"].search([("calendar_id", "=", self.calendar.id)])
        self.assertIn(date(2026, 2, 14), makeups.mapped("date"))
        self.assertIn(date(2026, 2, 28), makeups.mapped("date"))
        self.assertEqual(wizard.makeup_count, len(makeups))
        for name in ("元旦", "清明节", "劳动节", "端午节", "中秋节", "国庆节"):
            self.assertTrue(self.leaves(name), name)
        # Loading the year again adds nothing.
        again = self.load(2026)
        self.assertEqual((again.holiday_count, again.makeup_count), (0, 0))

    def test_a_deadline_across_the_spring_festival_and_its_makeup_saturday(self):
        self.load(2026)
        # Friday 13 Feb 2026 16:00 + 2 working days: Saturday 14 Feb is worked
        # (调休), 15-23 Feb are the holiday, so the second day is Tuesday 24 Feb.
        with freeze_time("2026-02-13 08:00:00"):
            start = self.local(2026, 2, 13, 16, 0)
            due = self.wt.add_working_days(start, 2, self.company)
        self.assertEqual(due.date(), date(2026, 2, 24))
        self.assertTrue(self.wt.is_working_day(date(2026, 2, 14), self.company))
        self.assertFalse(self.wt.is_working_day(date(2026, 2, 16), self.company))

    def test_a_year_the_package_does_not_know_is_refused_and_nothing_written(self):
        count = self.env["resource.calendar.leaves"].search_count([])
        with self.assertRaisesRegex(UserError, "2099"):
            self.load(2099)
        self.assertEqual(self.env["resource.calendar.leaves"].search_count([]), count)

    def test_yearly_action_loads_next_year_or_tells_the_managers_once(self):
        Wizard = self.env["kefu.holiday.import"]
        with freeze_time(datetime(2025, 12, 1, 2, 0)):
            Wizard._cron_kefu_load_china_next_year()
        self.assertTrue(self.env["kefu.makeup.day"].search([("date", "=", date(2026, 2, 14))]))
        # 2099 is unknown: one notice per year to the CS Managers, in their language.
        self.manager.lang = "zh_CN"
        self.env["res.lang"]._activate_lang("zh_CN")
        notices = self.env["mail.message"].search_count
        domain = [("partner_ids", "in", self.manager.partner_id.ids)]
        before = notices(domain)
        with freeze_time(datetime(2098, 11, 2, 2, 0)):
            Wizard._cron_kefu_load_china_next_year()
            Wizard._cron_kefu_load_china_next_year()
        messages = self.env["mail.message"].search(domain)
        self.assertEqual(len(messages) - before, 1)
        self.assertIn("2099年国家法定节假日尚未载入", messages[0].subject)

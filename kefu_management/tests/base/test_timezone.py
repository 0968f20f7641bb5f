from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from ..common import KefuCase


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestTimezone(KefuCase):
    """China's time zone: shown and edited in Settings, the default for a company in
    China or a database in Chinese, used by every deadline."""

    def test_settings_show_and_change_the_calendar_time_zone(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.kefu_calendar_tz, "Asia/Shanghai")
        self.env["res.config.settings"].create({"kefu_calendar_tz": "Europe/Berlin"}).execute()
        self.assertEqual(self.calendar.tz, "Europe/Berlin")
        self.assertEqual(
            self.env["res.config.settings"].create({}).kefu_calendar_tz, "Europe/Berlin"
        )
        # The working-time service follows: Monday 09:00 Berlin plus one hour.
        start = self.local(2026, 11, 23, 9, 0, tz="Europe/Berlin")
        self.assertEqual(
            self.wt.add_working_hours(start, 1), self.local(2026, 11, 23, 10, 0, tz="Europe/Berlin")
        )

    def test_new_calendar_and_its_time_zone_saved_together(self):
        other = self.calendar.copy({"name": "Beijing office"})
        self.env["res.config.settings"].create(
            {"kefu_calendar_id": other.id, "kefu_calendar_tz": "Asia/Urumqi"}
        ).execute()
        self.assertEqual(self.company.resource_calendar_id, other)
        self.assertEqual(other.tz, "Asia/Urumqi")
        self.assertEqual(self.calendar.tz, "Asia/Shanghai")

    def test_bad_time_zone_refused_in_chinese_and_nothing_saved(self):
        Settings = self.env["res.config.settings"].with_context(lang="zh_CN")
        for bad in ("Mars/Olympus", False):
            with self.assertRaises(ValidationError) as caught:
                Settings.create({"kefu_calendar_tz": bad}).execute()
            self.assertRegex(str(caught.exception), "[\u4e00-\u9fff]", bad)
            self.assertEqual(self.calendar.tz, "Asia/Shanghai")

    def test_new_calendar_in_china_defaults_to_shanghai(self):
        # A user who chose no time zone: Odoo would fall back to the admin's or UTC.
        user = new_test_user(self.env, "t_no_tz", groups="base.group_system", tz=False)
        Calendar = self.env["resource.calendar"].with_user(user).with_context(tz=False)
        self.company.country_id = self.env.ref("base.cn")
        self.assertEqual(Calendar.create({"name": "Beijing office"}).tz, "Asia/Shanghai")
        # A time zone the user chose is kept.
        user.tz = "Asia/Urumqi"
        Calendar = self.env["resource.calendar"].with_user(user).with_context(tz=False)
        self.assertEqual(Calendar.create({"name": "Urumqi office"}).tz, "Asia/Urumqi")

    def test_install_sets_china_time_zone_where_none_was_chosen(self):
        self.company.country_id = self.env.ref("base.cn")
        self.calendar.tz = "UTC"
        other = self.env["res.company"].create(
            {"name": "Berlin branch", "country_id": self.env.ref("base.de").id}
        )
        other.resource_calendar_id.tz = "Europe/Berlin"
        self.env["resource.calendar"]._kefu_default_china_tz()
        self.assertEqual(self.calendar.tz, "Asia/Shanghai")
        self.assertEqual(other.resource_calendar_id.tz, "Europe/Berlin", "a chosen zone stays")

    def test_loading_chinese_sets_china_time_zone(self):
        # A company outside China: loading Chinese is what makes it China's time.
        self.company.country_id = self.env.ref("base.us")
        self.calendar.tz = "UTC"
        self.env["res.lang"]._activate_lang("en_US").write({"active": True})
        self.assertEqual(self.calendar.tz, "UTC")
        self.env["res.lang"].with_context(active_test=False).search([("code", "=", "zh_CN")]).write(
            {"active": True}
        )
        self.assertEqual(self.calendar.tz, "Asia/Shanghai")

    def test_demo_is_a_chinese_company_on_china_time(self):
        demo_company = self.env.ref("base.main_company")
        self.assertEqual(demo_company.country_id, self.env.ref("base.cn"))
        self.assertRegex(demo_company.name, "^[\u4e00-\u9fff]+")
        self.assertRegex(
            self.env.ref("kefu_management.kefu_user_agent_demo").name, "^[\u4e00-\u9fff]+"
        )
        calendar = self.env.ref("resource.resource_calendar_std")
        self.assertEqual(calendar.tz, "Asia/Shanghai")
        # National Day: 1-7 October, midnight to midnight Beijing time.
        national_day = self.env.ref("kefu_management.kefu_holiday_national_day_demo")
        self.assertEqual(national_day.name, "国庆节")
        year = national_day.date_from.year
        self.assertEqual(national_day.date_from, self.local(year, 10, 1, 0, 0))
        self.assertEqual(national_day.date_to, self.local(year, 10, 7, 23, 59, 59))
        # 09:00-10:00 Beijing on a Monday is one working hour of the department.
        self.company.resource_calendar_id = calendar
        self.assertEqual(
            self.wt.working_hours_between(
                self.local(2026, 11, 23, 9, 0), self.local(2026, 11, 23, 10, 0)
            ),
            1.0,
        )

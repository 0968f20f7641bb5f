from datetime import date, datetime

import pytz
from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..common import KefuCase

# 2026-11-20 is a Friday; the test calendar works Mon-Fri 8-12 and 13-17 in Shanghai.
FRIDAY = date(2026, 11, 20)
SATURDAY = date(2026, 11, 21)
SUNDAY = date(2026, 11, 22)
MONDAY = date(2026, 11, 23)
TUESDAY = date(2026, 11, 24)


@tagged("post_install", "-at_install", "kefu", "kefu_base", "kefu_working_time")
class TestWorkingTime(KefuCase):
    def test_one_working_day_from_friday_afternoon_is_monday_same_time(self):
        start = self.local(2026, 11, 20, 15, 0)
        self.assertEqual(self.wt.add_working_days(start, 1), self.local(2026, 11, 23, 15, 0))
        self.assertEqual(self.wt.add_working_hours(start, 8), self.local(2026, 11, 23, 15, 0))

    def test_lunch_break_is_not_working_time(self):
        start = self.local(2026, 11, 23, 11, 0)
        self.assertEqual(self.wt.add_working_hours(start, 2), self.local(2026, 11, 23, 14, 0))

    def test_received_on_weekend_counts_from_monday_morning(self):
        start = self.local(2026, 11, 21, 10, 0)
        self.assertEqual(self.wt.add_working_days(start, 1), self.local(2026, 11, 23, 17, 0))

    def test_public_holiday_is_skipped(self):
        self.add_holiday(MONDAY, MONDAY)
        start = self.local(2026, 11, 20, 15, 0)
        self.assertEqual(self.wt.add_working_days(start, 1), self.local(2026, 11, 24, 15, 0))
        self.assertFalse(self.wt.is_working_day(MONDAY))

    def test_multi_day_holiday_spanning_a_weekend(self):
        self.add_holiday(FRIDAY, TUESDAY)
        start = self.local(2026, 11, 19, 16, 0)
        self.assertEqual(self.wt.add_working_hours(start, 3), self.local(2026, 11, 25, 10, 0))

    def test_make_up_saturday_is_worked_with_monday_hours(self):
        self.add_makeup(SATURDAY)
        start = self.local(2026, 11, 20, 15, 0)
        self.assertEqual(self.wt.add_working_days(start, 1), self.local(2026, 11, 21, 15, 0))
        self.assertTrue(self.wt.is_working_day(SATURDAY))
        self.assertTrue(self.calendar._works_on_date(SATURDAY))
        # Only that Saturday: the next one is still a rest day.
        self.assertFalse(self.wt.is_working_day(date(2026, 11, 28)))
        self.assertFalse(self.calendar._works_on_date(date(2026, 11, 28)))

    def test_holiday_on_a_make_up_day_wins(self):
        self.add_makeup(SUNDAY)
        self.add_holiday(SUNDAY, SUNDAY)
        start = self.local(2026, 11, 20, 15, 0)
        self.assertEqual(self.wt.add_working_days(start, 1), self.local(2026, 11, 23, 15, 0))

    def test_core_planning_honours_make_up_days(self):
        # The extension sits under Odoo's own planning, not beside it.
        self.add_makeup(SATURDAY)
        tz = pytz.timezone("Asia/Shanghai")
        planned = self.calendar.plan_hours(
            3, tz.localize(datetime(2026, 11, 20, 16, 0)), compute_leaves=True
        )
        self.assertEqual(planned.astimezone(tz).replace(tzinfo=None), datetime(2026, 11, 21, 10, 0))

    def test_timezone_of_the_calendar_decides(self):
        start = self.local(2026, 11, 20, 15, 0)  # 07:00 UTC, 08:00 in Berlin
        self.calendar.tz = "Europe/Berlin"
        self.assertEqual(
            self.wt.add_working_days(start, 1), self.local(2026, 11, 20, 17, 0, tz="Europe/Berlin")
        )
        self.calendar.tz = "America/New_York"  # 02:00 on Friday in New York
        self.assertEqual(
            self.wt.add_working_hours(start, 4),
            self.local(2026, 11, 20, 12, 0, tz="America/New_York"),
        )

    def test_working_hours_between(self):
        start, end = self.local(2026, 11, 20, 15, 0), self.local(2026, 11, 23, 10, 0)
        self.assertAlmostEqual(self.wt.working_hours_between(start, end), 4.0)
        self.assertAlmostEqual(self.wt.working_hours_between(end, start), -4.0)
        self.add_makeup(SATURDAY)
        self.assertAlmostEqual(self.wt.working_hours_between(start, end), 12.0)

    def test_working_dates(self):
        self.assertEqual(self.wt.add_working_dates(FRIDAY, 1), MONDAY)
        self.assertEqual(self.wt.add_working_dates(SATURDAY, 0), MONDAY)
        self.assertEqual(self.wt.add_working_dates(FRIDAY, 0), FRIDAY)
        self.add_holiday(MONDAY, MONDAY)
        self.assertEqual(self.wt.add_working_dates(FRIDAY, 1), TUESDAY)
        self.add_makeup(SUNDAY)
        self.assertEqual(self.wt.add_working_dates(FRIDAY, 1), SUNDAY)
        self.assertEqual(self.wt.add_working_dates(FRIDAY, 3), date(2026, 11, 25))

    def test_clock_time_or_working_time_minutes(self):
        start = self.local(2026, 11, 21, 10, 0)
        self.assertEqual(
            self.wt.add_duration(start, 5, working_time=False), self.local(2026, 11, 21, 10, 5)
        )
        self.assertEqual(self.wt.add_duration(start, 5), self.local(2026, 11, 23, 8, 5))

    def test_negative_durations_are_refused(self):
        with self.assertRaises(UserError):
            self.wt.add_working_hours(self.local(2026, 11, 20, 9, 0), -1)
        with self.assertRaises(UserError):
            self.wt.add_duration(self.local(2026, 11, 20, 9, 0), -5)

    def test_make_up_day_needs_hours_on_its_template_weekday(self):
        with self.assertRaises(ValidationError):
            self.add_makeup(SATURDAY, work_as="6")
        self.add_makeup(SATURDAY)
        with self.assertRaises(IntegrityError), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            self.add_makeup(SATURDAY)

    @freeze_time("2026-11-20 23:30:00")
    def test_local_now_is_in_the_calendar_timezone(self):
        self.assertEqual(self.wt.local_now().date(), SATURDAY)

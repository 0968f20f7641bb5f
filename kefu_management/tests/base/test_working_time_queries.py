from datetime import date, timedelta

import pytz

from odoo.tests import tagged

from ..common import KefuCase

# 2027-06-14 is a Monday; Friday 18 June is a holiday, Saturday 19 June a make-up
# working day (worked as a Monday).
MONDAY = date(2027, 6, 14)
HOLIDAY = date(2027, 6, 18)
MAKEUP = date(2027, 6, 19)


@tagged("post_install", "-at_install", "kefu", "kefu_base", "kefu_working_time")
class TestWorkingTimeQueries(KefuCase):
    """Issue 17: the working-time service costs at most 1.2x the queries of core
    ``plan_hours``/``plan_days`` for the same computation, with holidays and make-up
    days, because it caches the calendar's working intervals per month."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_holiday(HOLIDAY, HOLIDAY)
        cls.add_makeup(MAKEUP)

    def count(self, func):
        """Queries of ``func()`` with an empty record cache (ormcaches stay warm)."""
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        result = func()
        return self.cr.sql_log_count - before, result

    def compare(self, kefu, core):
        """Warm both, then measure both the same way; kefu's count may not pass 1.2x core's."""
        kefu()
        core()
        kefu_queries, kefu_result = self.count(kefu)
        core_queries, core_result = self.count(core)
        self.assertLessEqual(kefu_queries, 1.2 * core_queries, (kefu_queries, core_queries))
        return kefu_result, core_result

    def test_add_working_hours_against_core_plan_hours(self):
        start = self.local(2027, 6, 17, 15, 0)  # Thursday before the holiday
        kefu, core = self.compare(
            lambda: self.wt.add_working_hours(start, 10),
            lambda: self.calendar.plan_hours(10, start, compute_leaves=True),
        )
        # Thursday 15-17 (2 h), Friday is a holiday, Saturday is worked (8 h).
        self.assertEqual(kefu, self.local(2027, 6, 19, 17, 0))
        self.assertEqual(kefu, core)

    def test_add_working_days_against_core_plan_days(self):
        start = self.local(2027, 6, 16, 9, 0)
        kefu, core = self.compare(
            lambda: self.wt.add_working_days(start, 3),
            lambda: self.calendar.plan_days(3, start, compute_leaves=True),
        )
        # Wed 9:00 + 24 working hours: Thu, (Fri holiday), Sat, Mon 9:00.
        self.assertEqual(kefu, self.local(2027, 6, 21, 9, 0))
        # Core's plan_days counts three working dates and ends at the first slot's end.
        self.assertEqual(core, self.local(2027, 6, 19, 12, 0))

    def test_add_working_dates_against_core_plan_days(self):
        kefu, core = self.compare(
            lambda: self.wt.add_working_dates(MONDAY, 5),
            lambda: self.calendar.plan_days(6, self.local(2027, 6, 14, 0, 0), compute_leaves=True),
        )
        # Tue, Wed, Thu, (Fri holiday), Sat (make-up), Mon.
        self.assertEqual(kefu, date(2027, 6, 21))
        self.assertEqual(core.date(), kefu)

    def test_working_hours_between_and_working_days_against_core(self):
        start, end = self.local(2027, 6, 14, 8, 0), self.local(2027, 6, 21, 8, 0)
        kefu, core = self.compare(
            lambda: self.wt.working_hours_between(start, end),
            lambda: self.calendar.get_work_hours_count(start, end, compute_leaves=True),
        )
        self.assertEqual(kefu, 40.0)  # Mon-Thu and the make-up Saturday
        self.assertEqual(kefu, core)
        kefu, core = self.compare(
            lambda: [self.wt.is_working_day(MONDAY + timedelta(days=i)) for i in range(7)],
            lambda: self.calendar.plan_days(1, self.local(2027, 6, 14, 0, 0), compute_leaves=True),
        )
        self.assertEqual(kefu, [True, True, True, True, False, True, False])

    def test_many_calls_in_one_month_cost_no_more_than_one(self):
        self.wt.add_working_hours(self.local(2027, 6, 1, 9, 0), 1)
        starts = [self.local(2027, 6, day, 9, 0) for day in range(1, 25)]
        one, _result = self.count(lambda: self.wt.add_working_hours(starts[0], 4))
        many, _result = self.count(
            lambda: [self.wt.add_working_hours(start, 4) for start in starts]
        )
        self.assertLessEqual(many, one, (one, many))

    def test_changes_to_holidays_make_up_days_and_hours_are_seen_at_once(self):
        start = self.local(2027, 6, 14, 15, 0)
        self.assertEqual(self.wt.add_working_days(start, 1), self.local(2027, 6, 15, 15, 0))
        holiday = self.add_holiday(date(2027, 6, 15), date(2027, 6, 15))
        self.assertEqual(self.wt.add_working_days(start, 1), self.local(2027, 6, 16, 15, 0))
        holiday.unlink()
        self.assertEqual(self.wt.add_working_days(start, 1), self.local(2027, 6, 15, 15, 0))
        # A make-up Sunday becomes a working date.
        self.assertFalse(self.wt.is_working_day(date(2027, 6, 27)))
        self.add_makeup(date(2027, 6, 27))
        self.assertTrue(self.wt.is_working_day(date(2027, 6, 27)))
        # Working hours changed on the calendar: Tuesday afternoons off.
        tuesday = self.local(2027, 6, 15, 0, 0), self.local(2027, 6, 16, 0, 0)
        self.assertEqual(self.wt.working_hours_between(*tuesday), 8.0)
        self.calendar.attendance_ids.filtered(
            lambda a: a.dayofweek == "1" and a.hour_from == 13
        ).unlink()
        self.assertEqual(self.wt.working_hours_between(*tuesday), 4.0)
        # The calendar's timezone changed.
        monday_8_utc = self.local(2027, 6, 14, 8, 0, tz="UTC")
        self.assertEqual(self.wt.add_working_hours(monday_8_utc, 2), self.local(2027, 6, 15, 9, 0))
        self.calendar.tz = "UTC"
        self.assertEqual(
            self.wt.add_working_hours(monday_8_utc, 2), self.local(2027, 6, 14, 10, 0, tz="UTC")
        )

    def test_a_new_calendar_empties_no_cache(self):
        # Odoo's own query-count tests create a calendar, then count: creating it
        # (with its default hours) must not empty the caches they rely on.
        self.env["resource.calendar"]._kefu_makeup_index()
        calendar = self.env["resource.calendar"].create({"name": "New calendar", "tz": "UTC"})
        self.env.flush_all()
        start = self.local(2027, 1, 1, 0, 0, tz="UTC").replace(tzinfo=pytz.utc)
        stop = self.local(2027, 12, 31, 0, 0, tz="UTC").replace(tzinfo=pytz.utc)
        before = self.cr.sql_log_count
        calendar._attendance_intervals_batch(start, stop)
        self.assertEqual(self.cr.sql_log_count - before, 1)

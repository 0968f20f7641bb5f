from datetime import datetime, time, timedelta

import pytz

from odoo import api, models
from odoo.exceptions import UserError

# How far ahead one look-up of working intervals reaches, and how many look-ups
# before we decide the calendar has no working time at all.
_WINDOW = timedelta(days=31)
_MAX_WINDOWS = 36


class KefuWorkingTime(models.AbstractModel):
    """The department's working-time service.

    All deadlines of the kefu addons go through here. Datetimes in and out are
    naive UTC, as Odoo stores them; working time is read from the company's
    ``resource.calendar`` in the calendar's timezone, minus public holidays
    (calendar leaves without resource) and plus make-up working days (调休).
    """

    _name = "kefu.working.time"
    _description = "Customer Service Working-Time Service"

    @api.model
    def _calendar(self, company=None):
        company = company or self.env.company
        calendar = company.sudo().resource_calendar_id
        if not calendar:
            raise UserError(
                self.env._(
                    "The company %(company)s has no working-time calendar. "
                    "Set one in Settings > Customer Service.",
                    company=company.display_name,
                )
            )
        return calendar

    @api.model
    def _intervals(self, calendar, start, end):
        """Working intervals (aware datetimes) of the calendar between two aware datetimes."""
        tz = pytz.timezone(calendar.tz or "UTC")
        return calendar._work_intervals_batch(start, end, tz=tz, compute_leaves=True)[False]

    @api.model
    def add_working_hours(self, start, hours, company=None):
        """Return the moment when ``hours`` of working time after ``start`` have passed."""
        if hours < 0:
            raise UserError(self.env._("A working-time duration cannot be negative."))
        calendar = self._calendar(company)
        remaining = timedelta(hours=hours)
        cursor = pytz.utc.localize(start)
        if not remaining:
            return start
        for _i in range(_MAX_WINDOWS):
            window_end = cursor + _WINDOW
            for interval_start, stop, _att in self._intervals(calendar, cursor, window_end):
                begin = max(interval_start, cursor)
                if stop <= begin:
                    continue
                if stop - begin >= remaining:
                    return (begin + remaining).astimezone(pytz.utc).replace(tzinfo=None)
                remaining -= stop - begin
            cursor = window_end
        raise UserError(
            self.env._(
                "The calendar %(calendar)s has no working time in the coming three years.",
                calendar=calendar.display_name,
            )
        )

    @api.model
    def add_working_days(self, start, days, company=None):
        """Add working days, one working day being the calendar's hours per day.

        A matter received on Friday at 15:00 with one working day is due on the
        next working day at 15:00, whatever weekend, holiday or make-up day lies
        between.
        """
        calendar = self._calendar(company)
        return self.add_working_hours(start, days * (calendar.hours_per_day or 8.0), company)

    @api.model
    def add_duration(self, start, minutes, working_time=True, company=None):
        """Add minutes of working time, or of clock time when ``working_time`` is off."""
        if minutes < 0:
            raise UserError(self.env._("A working-time duration cannot be negative."))
        if not working_time:
            return start + timedelta(minutes=minutes)
        return self.add_working_hours(start, minutes / 60.0, company)

    @api.model
    def working_hours_between(self, start, end, company=None):
        """Working hours between two naive UTC datetimes (negative when end < start)."""
        if end < start:
            return -self.working_hours_between(end, start, company)
        calendar = self._calendar(company)
        intervals = self._intervals(calendar, pytz.utc.localize(start), pytz.utc.localize(end))
        return sum((stop - begin).total_seconds() for begin, stop, _att in intervals) / 3600.0

    @api.model
    def is_working_day(self, day, company=None):
        """Whether the local calendar date ``day`` has any working time."""
        calendar = self._calendar(company)
        tz = pytz.timezone(calendar.tz or "UTC")
        start = tz.localize(datetime.combine(day, time.min))
        return bool(self._intervals(calendar, start, start + timedelta(days=1)))

    @api.model
    def add_working_dates(self, day, count, company=None):
        """The ``count``-th working date after the local date ``day``; with 0, ``day``
        itself when it is a working date, else the next working date."""
        current = day
        found = 0
        for _i in range(_MAX_WINDOWS * 31):
            if count == 0 and self.is_working_day(current, company):
                return current
            if count and current != day and self.is_working_day(current, company):
                found += 1
                if found == count:
                    return current
            current += timedelta(days=1)
        raise UserError(self.env._("No working day found in the coming three years."))

    @api.model
    def local_now(self, company=None):
        """Now in the calendar's timezone (aware), for rules about local dates."""
        calendar = self._calendar(company)
        return pytz.utc.localize(datetime.utcnow()).astimezone(pytz.timezone(calendar.tz or "UTC"))

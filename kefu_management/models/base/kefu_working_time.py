from datetime import date, datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, models, tools
from odoo.exceptions import UserError

# How many months ahead one computation looks before deciding that the calendar
# has no working time at all.
_MAX_MONTHS = 36
# Fields of a calendar that change its working time.
_CALENDAR_TIME_FIELDS = {
    "tz",
    "attendance_ids",
    "hours_per_day",
    "two_weeks_calendar",
    "flexible_hours",
    "global_leave_ids",
    "leave_ids",
    "active",
}


def _utc(moment):
    return moment.astimezone(pytz.utc).replace(tzinfo=None)


class KefuWorkingTime(models.AbstractModel):
    """The department's working-time service.

    All deadlines of the kefu addons go through here. Datetimes in and out are
    naive UTC, as Odoo stores them; working time is read from the company's
    ``resource.calendar`` in the calendar's timezone, minus public holidays
    (calendar leaves without resource) and plus make-up working days (调休).

    The working intervals of a calendar are computed by Odoo one local month at
    a time and kept in an ormcache (issue 17: a deadline costs no query once its
    month is known); every change to a calendar, its hours, its public holidays
    or its make-up days clears it (see the hooks below and kefu.makeup.day).
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

    # The cache -------------------------------------------------------------------

    @api.model
    @tools.ormcache("calendar_id")
    def _kefu_calendar_info(self, calendar_id):
        """(timezone name, hours per day) of a calendar."""
        calendar = self.env["resource.calendar"].sudo().browse(calendar_id)
        self._kefu_seen_calendars().add(calendar_id)
        return calendar.tz or "UTC", calendar.hours_per_day or 8.0

    @api.model
    @tools.ormcache("calendar_id", "year", "month")
    def _kefu_month(self, calendar_id, year, month):
        """Working time of one local month of a calendar: its intervals as naive
        UTC (start, stop) pairs, the local dates with working time, and the
        month's end in naive UTC."""
        calendar = self.env["resource.calendar"].sudo().browse(calendar_id)
        self._kefu_seen_calendars().add(calendar_id)
        tz = pytz.timezone(self._kefu_calendar_info(calendar_id)[0])
        first = date(year, month, 1)
        start = tz.localize(datetime.combine(first, time.min))
        stop = tz.localize(datetime.combine(first + relativedelta(months=1), time.min))
        intervals = calendar._work_intervals_batch(start, stop, tz=tz, compute_leaves=True)[False]
        pairs, dates = [], set()
        for begin, end, _meta in intervals:
            if end <= begin:
                continue
            pairs.append((_utc(begin), _utc(end)))
            day, last = (
                begin.astimezone(tz).date(),
                (end - timedelta(microseconds=1)).astimezone(tz).date(),
            )
            while day <= last:
                dates.add(day)
                day += timedelta(days=1)
        return tuple(pairs), frozenset(dates), _utc(stop)

    @api.model
    def _kefu_months(self, calendar, moment):
        """The cached months of ``calendar`` from the one holding ``moment`` (naive UTC)."""
        tz = pytz.timezone(self._kefu_calendar_info(calendar.id)[0])
        local = pytz.utc.localize(moment).astimezone(tz)
        year, month = local.year, local.month
        for _i in range(_MAX_MONTHS):
            yield self._kefu_month(calendar.id, year, month)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    def _kefu_seen_calendars(self):
        """Ids of the calendars this worker has cached (a calendar created in the
        current transaction is unknown to every other worker)."""
        return self.pool.__dict__.setdefault("_kefu_working_time_calendars", set())

    @api.model
    def _kefu_clear_cache(self, calendars=None):
        """Forget the cached working time after a change to ``calendars`` (or to
        every calendar). Calendars created in this transaction and never cached
        here need nothing: Odoo's own query-count tests create calendars and must
        not pay for the caches a clear empties."""
        if calendars is not None:
            now = self.env.cr.now()
            seen = self._kefu_seen_calendars()
            if all(c.create_date == now and c.id not in seen for c in calendars.sudo()):
                return
        self.env.registry.clear_cache()

    # The service -----------------------------------------------------------------

    @api.model
    def add_working_hours(self, start, hours, company=None):
        """Return the moment when ``hours`` of working time after ``start`` have passed."""
        if hours < 0:
            raise UserError(self.env._("A working-time duration cannot be negative."))
        calendar = self._calendar(company)
        remaining = timedelta(hours=hours)
        if not remaining:
            return start
        for pairs, _dates, _end in self._kefu_months(calendar, start):
            for interval_start, stop in pairs:
                begin = max(interval_start, start)
                if stop <= begin:
                    continue
                if stop - begin >= remaining:
                    return begin + remaining
                remaining -= stop - begin
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
        hours_per_day = self._kefu_calendar_info(calendar.id)[1]
        return self.add_working_hours(start, days * hours_per_day, company)

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
        seconds = 0.0
        for pairs, _dates, month_end in self._kefu_months(calendar, start):
            for interval_start, interval_stop in pairs:
                begin, stop = max(interval_start, start), min(interval_stop, end)
                if begin < stop:
                    seconds += (stop - begin).total_seconds()
            if month_end >= end:
                break
        return seconds / 3600.0

    @api.model
    def is_working_day(self, day, company=None):
        """Whether the local calendar date ``day`` has any working time."""
        calendar = self._calendar(company)
        return day in self._kefu_month(calendar.id, day.year, day.month)[1]

    @api.model
    def add_working_dates(self, day, count, company=None):
        """The ``count``-th working date after the local date ``day``; with 0, ``day``
        itself when it is a working date, else the next working date."""
        current = day
        found = 0
        for _i in range(_MAX_MONTHS * 31):
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
        tz = pytz.timezone(self._kefu_calendar_info(calendar.id)[0])
        return pytz.utc.localize(datetime.utcnow()).astimezone(tz)


# Cache hooks. These classes are loaded before the deadline recomputation of
# resource_calendar*.py, so the cache is already clear when open deadlines are
# recomputed after a change.


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"  # pylint: disable=consider-merging-classes-inherited

    def write(self, vals):
        result = super().write(vals)
        if _CALENDAR_TIME_FIELDS & set(vals):
            self.env["kefu.working.time"]._kefu_clear_cache(self)
        return result

    def unlink(self):
        self.env["kefu.working.time"]._kefu_clear_cache(self)
        return super().unlink()


class ResourceCalendarAttendance(models.Model):
    _inherit = "resource.calendar.attendance"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        attendances = super().create(vals_list)
        self.env["kefu.working.time"]._kefu_clear_cache(attendances.calendar_id)
        return attendances

    def write(self, vals):
        calendars = self.calendar_id
        result = super().write(vals)
        self.env["kefu.working.time"]._kefu_clear_cache(calendars | self.calendar_id)
        return result

    def unlink(self):
        self.env["kefu.working.time"]._kefu_clear_cache(self.calendar_id)
        return super().unlink()


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"  # pylint: disable=consider-merging-classes-inherited

    def _kefu_public(self):
        # Only public holidays are part of the department's working time.
        return any(not leave.resource_id for leave in self)

    @api.model_create_multi
    def create(self, vals_list):
        leaves = super().create(vals_list)
        if leaves._kefu_public():
            self.env["kefu.working.time"]._kefu_clear_cache()
        return leaves

    def write(self, vals):
        public = self._kefu_public()
        result = super().write(vals)
        if public or self._kefu_public():
            self.env["kefu.working.time"]._kefu_clear_cache()
        return result

    def unlink(self):
        if self._kefu_public():
            self.env["kefu.working.time"]._kefu_clear_cache()
        return super().unlink()

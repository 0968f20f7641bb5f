from collections import defaultdict
from datetime import datetime, timedelta
from itertools import chain

import pytz

from odoo import api, fields, models, tools

from odoo.addons.resource.models.utils import float_to_time

# China's single time zone: the department's calendar unless someone chose another.
CHINA_TZ = "Asia/Shanghai"
# Calendar changes that move working time, hence open deadlines.
KEFU_CALENDAR_TIME_FIELDS = {
    "tz",
    "attendance_ids",
    "hours_per_day",
    "global_leave_ids",
    "leave_ids",
}


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    tz = fields.Selection(default=lambda self: self._kefu_default_tz())

    @api.model
    def _kefu_default_tz(self):
        """The host's default (context, user, admin), except that a company in China or
        a database with zh_CN gets China's time zone when nobody chose one."""
        chosen = self.env.context.get("tz") or self.env.user.tz
        if chosen:
            return chosen
        if self._kefu_is_chinese(self.env.company):
            return CHINA_TZ
        return self.env.ref("base.user_admin", raise_if_not_found=False).tz or "UTC"

    @api.model
    def _kefu_is_chinese(self, company):
        return company.sudo().country_id.code == "CN" or bool(
            self.env["res.lang"]._lang_get("zh_CN")
        )

    @api.model
    def _kefu_default_china_tz(self):
        """At install, and when zh_CN is activated: the company calendars of Chinese
        companies whose time zone nobody chose (Odoo's fallback UTC) get China's."""
        companies = self.env["res.company"].sudo().search([])
        calendars = companies.filtered(self._kefu_is_chinese).resource_calendar_id
        calendars.filtered(lambda c: not c.tz or c.tz == "UTC").write({"tz": CHINA_TZ})

    @api.model_create_multi
    def create(self, vals_list):
        # A new calendar is nobody's working time yet: no deadline to recompute.
        calendars = super(
            ResourceCalendar, self.with_context(kefu_no_deadline_recompute=True)
        ).create(vals_list)
        return calendars.with_env(self.env)

    def write(self, vals):
        # One recomputation for the whole write, not one per attendance line.
        result = super(ResourceCalendar, self.with_context(kefu_no_deadline_recompute=True)).write(
            vals
        )
        if KEFU_CALENDAR_TIME_FIELDS & set(vals):
            self._kefu_recompute_open_deadlines()
        return result

    def _kefu_recompute_open_deadlines(self):
        """Open deadlines of the companies working with these calendars follow
        a change of time zone, hours, public holidays or make-up days."""
        self.env["kefu.deadline.mixin"]._kefu_dispatch_recompute(self)

    kefu_makeup_day_ids = fields.One2many(
        "kefu.makeup.day", "calendar_id", string="Make-up Working Days"
    )
    # Stored with the calendar's row, so a calendar without make-up days costs no
    # query even when the index below is not cached (Odoo's own query-count tests).
    kefu_has_makeup_days = fields.Boolean(
        string="Has Make-up Working Days", compute="_compute_kefu_has_makeup_days", store=True
    )

    @api.depends("kefu_makeup_day_ids")
    def _compute_kefu_has_makeup_days(self):
        for calendar in self:
            calendar.kefu_has_makeup_days = bool(calendar.kefu_makeup_day_ids)

    @api.model
    @tools.ormcache()
    def _kefu_makeup_index(self):
        """{calendar id: ((date, work_as), ...)} of every calendar with make-up days,
        one cache entry for the database: planning and hour counting ask on every
        call and most calendars have none, so Odoo's own query-count tests, which
        create new calendars, must not see a query from us. kefu.makeup.day clears
        the cache whenever make-up days change."""
        index = defaultdict(list)
        # search_fetch: no display name of the calendars, one query.
        days = (
            self.env["kefu.makeup.day"]
            .sudo()
            .search_fetch([], ["calendar_id", "date", "work_as"], order="date")
        )
        for day in days:
            index[day.calendar_id.id].append((day.date, day.work_as))
        return {calendar_id: tuple(pairs) for calendar_id, pairs in index.items()}

    def _kefu_makeup_dates(self):
        """(date, work_as) of every make-up day of this calendar."""
        return self._kefu_makeup_index().get(self.id, ())

    def _kefu_makeup_days(self, first, last):
        """The cached (date, work_as) pairs between first and last, inclusive."""
        if not self.id or not self.kefu_has_makeup_days:
            return ()
        return tuple(day for day in self._kefu_makeup_dates() if first <= day[0] <= last)

    def _attendance_intervals_batch(
        self, start_dt, end_dt, resources=None, domain=None, tz=None, lunch=False
    ):
        # 调休: make-up working days add the hours of their template weekday.
        # Every planning and hour-counting path goes through this method and leaves
        # (public holidays) are subtracted afterwards, so a holiday still wins.
        result = super()._attendance_intervals_batch(
            start_dt, end_dt, resources=resources, domain=domain, tz=tz, lunch=lunch
        )
        if lunch or domain:
            return result
        makeup_days = self._kefu_makeup_days(
            (start_dt - timedelta(days=1)).date(), (end_dt + timedelta(days=1)).date()
        )
        if not makeup_days:
            return result
        attendances = self.attendance_ids.filtered(
            lambda a: not a.resource_id and not a.display_type and a.day_period != "lunch"
        )
        per_weekday = defaultdict(lambda: self.env["resource.calendar.attendance"])
        for attendance in attendances:
            per_weekday[attendance.dayofweek] |= attendance
        for resource_id, intervals in result.items():
            resource = self.env["resource.resource"].browse(resource_id)
            local_tz = tz or self._kefu_tz(resource)
            start_local, end_local = start_dt.astimezone(local_tz), end_dt.astimezone(local_tz)
            extra = []
            for day, work_as in makeup_days:
                for attendance in per_weekday[work_as]:
                    begin = local_tz.localize(
                        datetime.combine(day, float_to_time(attendance.hour_from))
                    )
                    stop = local_tz.localize(
                        datetime.combine(day, float_to_time(attendance.hour_to))
                    )
                    begin, stop = max(begin, start_local), min(stop, end_local)
                    if begin < stop:
                        extra.append((begin, stop, attendance))
            if extra:
                result[resource_id] = type(intervals)(chain(intervals, extra))
        return result

    def _kefu_tz(self, resource):
        return pytz.timezone((resource or self).tz or "UTC")

    def _works_on_date(self, date):
        if self._kefu_makeup_days(date, date):
            return True
        return super()._works_on_date(date)

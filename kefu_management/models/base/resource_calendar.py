from collections import defaultdict
from datetime import datetime, timedelta
from itertools import chain

import pytz

from odoo import api, models, tools

from odoo.addons.resource.models.utils import float_to_time


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    @api.model
    @tools.ormcache()
    def _kefu_makeup_index(self):
        """{calendar id: ((date, work_as), ...)} of every calendar with make-up days,
        one cache entry for the database: planning and hour counting ask on every
        call and most calendars have none, so Odoo's own query-count tests, which
        create new calendars, must not see a query from us. kefu.makeup.day clears
        the cache whenever make-up days change."""
        index = defaultdict(list)
        days = (
            self.env["kefu.makeup.day"]
            .sudo()
            .search_read([], ["calendar_id", "date", "work_as"], order="date")
        )
        for day in days:
            index[day["calendar_id"][0]].append((day["date"], day["work_as"]))
        return {calendar_id: tuple(pairs) for calendar_id, pairs in index.items()}

    def _kefu_makeup_dates(self):
        """(date, work_as) of every make-up day of this calendar."""
        return self._kefu_makeup_index().get(self.id, ())

    def _kefu_makeup_days(self, first, last):
        """The cached (date, work_as) pairs between first and last, inclusive."""
        if not self.id:
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

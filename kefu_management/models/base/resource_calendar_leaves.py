from datetime import timedelta

from odoo import api, models
from odoo.exceptions import ValidationError

from .kefu_translate import kefu_lang_env

# A public holiday or company closure longer than a year is a typing error (an
# end in 9999 leaves no working time anywhere and every deadline fails).
MAX_HOLIDAY_DAYS = 366


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    @api.constrains("date_from", "date_to", "resource_id")
    def _check_kefu_holiday_span(self):
        # Only public holidays (no resource): an employee's own time off is the
        # host's business (host first).
        for leave in self.filtered(lambda lv: not lv.resource_id):
            if leave.date_from and leave.date_to:
                if leave.date_to - leave.date_from > timedelta(days=MAX_HOLIDAY_DAYS):
                    env = kefu_lang_env(self.env)
                    raise ValidationError(
                        env._(
                            "The holiday %(name)s cannot last more than %(days)s days "
                            "(%(start)s to %(end)s).",
                            name=leave.name or "",
                            days=MAX_HOLIDAY_DAYS,
                            start=leave.date_from.date(),
                            end=leave.date_to.date(),
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        leaves = super().create(vals_list)
        # A new public holiday moves the open deadlines of its calendars.
        leaves._kefu_holiday_calendars()._kefu_recompute_open_deadlines()
        return leaves

    def write(self, vals):
        before = self._kefu_holiday_calendars()
        result = super().write(vals)
        (before | self._kefu_holiday_calendars())._kefu_recompute_open_deadlines()
        return result

    def unlink(self):
        calendars = self._kefu_holiday_calendars()
        result = super().unlink()
        calendars._kefu_recompute_open_deadlines()
        return result

    def _kefu_holiday_calendars(self):
        """Calendars whose working time these public holidays change (a holiday
        without calendar counts in every calendar)."""
        holidays = self.filtered(lambda lv: not lv.resource_id and lv.time_type == "leave")
        if not holidays:
            return self.env["resource.calendar"]
        if any(not lv.calendar_id for lv in holidays):
            return self.env["resource.calendar"].sudo().search([])
        return holidays.calendar_id

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

from odoo import api, models


class ResourceCalendarAttendance(models.Model):
    """Working hours edited on their own (not through the calendar form) move open
    deadlines too."""

    _inherit = "resource.calendar.attendance"

    @api.model_create_multi
    def create(self, vals_list):
        attendances = super().create(vals_list)
        attendances.calendar_id._kefu_recompute_open_deadlines()
        return attendances

    def write(self, vals):
        calendars = self.calendar_id
        result = super().write(vals)
        (calendars | self.calendar_id)._kefu_recompute_open_deadlines()
        return result

    def unlink(self):
        calendars = self.calendar_id
        result = super().unlink()
        calendars._kefu_recompute_open_deadlines()
        return result

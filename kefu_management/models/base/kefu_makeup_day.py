from odoo import api, fields, models
from odoo.exceptions import ValidationError

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class KefuMakeupDay(models.Model):
    """A make-up working day (调休): a rest day declared a working day.

    Core Odoo's calendar cannot express "this Sunday is worked"; the kefu
    calendar extension adds the hours of ``work_as`` weekday on that date.
    """

    _name = "kefu.makeup.day"
    _description = "Make-up Working Day"
    _order = "date desc"

    name = fields.Char(required=True, translate=True)
    date = fields.Date(required=True, index=True)
    calendar_id = fields.Many2one(
        "resource.calendar",
        required=True,
        ondelete="cascade",
        default=lambda self: self.env.company.resource_calendar_id,
    )
    company_id = fields.Many2one(related="calendar_id.company_id", store=True)
    work_as = fields.Selection(
        WEEKDAYS,
        string="Working Hours Of",
        required=True,
        default="0",
        help="The date is worked with the hours this weekday has in the calendar.",
    )

    _sql_constraints = [
        (
            "date_calendar_uniq",
            "unique(calendar_id, date)",
            "A date can be a make-up working day only once per calendar.",
        ),
    ]

    @api.constrains("calendar_id", "work_as")
    def _check_work_as(self):
        for day in self:
            if not day.calendar_id.attendance_ids.filtered(
                lambda a, d=day: a.dayofweek == d.work_as and a.day_period != "lunch"
            ):
                raise ValidationError(
                    self.env._(
                        "The calendar %(calendar)s has no working hours on the weekday "
                        "chosen for the make-up day %(day)s.",
                        calendar=day.calendar_id.display_name,
                        day=day.date,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env.registry.clear_cache()
        records.calendar_id._kefu_recompute_open_deadlines()
        return records

    def write(self, vals):
        calendars = self.calendar_id
        res = super().write(vals)
        self.env.registry.clear_cache()
        (calendars | self.calendar_id)._kefu_recompute_open_deadlines()
        return res

    def unlink(self):
        calendars = self.calendar_id
        res = super().unlink()
        self.env.registry.clear_cache()
        calendars._kefu_recompute_open_deadlines()
        return res

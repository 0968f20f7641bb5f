from odoo import api, fields, models
from odoo.exceptions import ValidationError

TIME_BASIS = [("working", "Working time"), ("clock", "Clock time")]


class KefuEnquiryType(models.Model):
    """What a customer contacts us about (SVC-2); admins can add types."""

    _name = "kefu.enquiry.type"
    _description = "Enquiry Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_complaint = fields.Boolean(
        string="Complaint", help="Tickets of this type follow the complaint closed loop."
    )
    limit_setting = fields.Char(
        string="Limit Setting",
        help="Technical name of the Settings field holding this type's response limit.",
    )
    has_response_limit = fields.Boolean(string="Own Response Limit")
    response_minutes = fields.Integer(string="Response Limit (minutes)")
    time_basis = fields.Selection(TIME_BASIS, help="Empty: as set in Settings > Customer Service.")
    description = fields.Text()

    @api.constrains("has_response_limit", "response_minutes")
    def _check_response_minutes(self):
        # SVC-2: a limit of zero or negative minutes makes no sense.
        for record in self:
            if record.has_response_limit and record.response_minutes <= 0:
                raise ValidationError(
                    self.env._("A response limit must be greater than zero minutes.")
                )

    def _kefu_response_limit(self):
        """(minutes, working_time) of this type, or None without a limit."""
        self.ensure_one()
        return _response_limit(self)


def _response_limit(record):
    """Shared by enquiry types and channels: the setting wins over the own value."""
    minutes = 0
    if record.has_response_limit:
        minutes = record.response_minutes
    elif record.limit_setting:
        minutes = record.env["kefu.settings"].get_value(record.limit_setting)
    if not minutes:
        return None
    basis = record.time_basis or record.env["kefu.settings"].get_value("kefu_svc_time_basis")
    return minutes, basis != "clock"

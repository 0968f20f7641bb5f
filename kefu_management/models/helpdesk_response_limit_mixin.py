from odoo import api, fields, models
from odoo.exceptions import ValidationError

TIME_BASIS = [("working", "Working time"), ("clock", "Clock time")]


class HelpdeskResponseLimitMixin(models.AbstractModel):
    """SVC-2: a response limit carried by an enquiry type or a channel.

    The limit is the record's own value when set, else the Settings field named in
    ``limit_setting``; ``time_basis`` overrides the global working/clock setting.
    """

    _name = "helpdesk.response.limit.mixin"
    _description = "Response Limit"

    limit_setting = fields.Char(
        string="Limit Setting",
        help="Technical name of the Settings field holding this response limit.",
    )
    has_response_limit = fields.Boolean(string="Own Response Limit")
    response_minutes = fields.Integer(string="Response Limit (minutes)")
    time_basis = fields.Selection(TIME_BASIS, help="Empty: as set in Settings > Customer Service.")

    @api.constrains("has_response_limit", "response_minutes")
    def _check_response_minutes(self):
        # SVC-2: a limit of zero or negative minutes makes no sense.
        for record in self:
            if record.has_response_limit and record.response_minutes <= 0:
                raise ValidationError(
                    self.env._("A response limit must be greater than zero minutes.")
                )

    def _kefu_response_limit(self):
        """(minutes, working_time) of this record, or None without a limit."""
        self.ensure_one()
        minutes = 0
        if self.has_response_limit:
            minutes = self.response_minutes
        elif self.limit_setting:
            minutes = self.env["kefu.settings"].get_value(self.limit_setting)
        if not minutes:
            return None
        basis = self.time_basis or self.env["kefu.settings"].get_value("kefu_svc_time_basis")
        return minutes, basis != "clock"

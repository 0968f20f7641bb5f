from odoo import api, fields, models
from odoo.exceptions import ValidationError

TIME_BASIS = [("working", "Working time"), ("clock", "Clock time")]


class KefuResponseLimitMixin(models.AbstractModel):
    """SVC-2: a response limit carried by an enquiry type or a channel.

    The limit is the record's own value when set, else the Settings field named in
    ``kefu_limit_setting``; ``kefu_time_basis`` overrides the global working/clock setting.
    """

    _name = "kefu.response.limit.mixin"
    _description = "Response Limit"

    kefu_limit_setting = fields.Char(
        string="Limit Setting",
        help="Technical name of the Settings field holding this response limit.",
    )
    kefu_has_response_limit = fields.Boolean(string="Own Response Limit")
    kefu_response_minutes = fields.Integer(string="Response Limit (minutes)")
    kefu_time_basis = fields.Selection(
        TIME_BASIS, string="Time Basis", help="Empty: as set in Settings > Customer Service."
    )

    @api.constrains("kefu_has_response_limit", "kefu_response_minutes")
    def _check_response_minutes(self):
        # SVC-2: a limit of zero or negative minutes makes no sense.
        for record in self:
            if record.kefu_has_response_limit and record.kefu_response_minutes <= 0:
                raise ValidationError(
                    self.env._("A response limit must be greater than zero minutes.")
                )

    def _kefu_response_limit(self):
        """(minutes, working_time) of this record, or None without a limit."""
        self.ensure_one()
        minutes = 0
        if self.kefu_has_response_limit:
            minutes = self.kefu_response_minutes
        elif self.kefu_limit_setting:
            minutes = self.env["kefu.settings"].get_value(self.kefu_limit_setting)
        if not minutes:
            return None
        basis = self.kefu_time_basis or self.env["kefu.settings"].get_value("kefu_svc_time_basis")
        return minutes, basis != "clock"

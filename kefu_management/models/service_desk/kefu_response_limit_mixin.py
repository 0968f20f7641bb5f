from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .res_config_settings import RESPONSE_LIMITS
from .res_config_settings import TIME_BASIS


class KefuResponseLimitMixin(models.AbstractModel):
    """SVC-2: a response limit carried by an enquiry type or a channel.

    The limit is the record's own value (minutes) when set, else the Settings field
    named in ``kefu_limit_setting`` (hours or minutes, as the rulebook says); the time
    basis is the record's ``kefu_time_basis``, else that limit's own basis setting,
    else elapsed time (the rulebook's hours are elapsed hours).
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
        TIME_BASIS,
        string="Time Basis",
        help="Empty: as set in Settings > Customer Service for the linked limit, "
        "else elapsed time.",
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
        get = self.env["kefu.settings"].get_value
        minutes, basis = 0, "clock"
        unit, basis_setting = RESPONSE_LIMITS.get(self.kefu_limit_setting, (1, None))
        if basis_setting:
            basis = get(basis_setting)
        if self.kefu_has_response_limit:
            minutes = self.kefu_response_minutes
        elif self.kefu_limit_setting in RESPONSE_LIMITS:
            minutes = get(self.kefu_limit_setting) * unit
        if not minutes:
            return None
        return minutes, (self.kefu_time_basis or basis) == "working"

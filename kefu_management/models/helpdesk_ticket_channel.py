from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .kefu_enquiry_type import TIME_BASIS
from .kefu_enquiry_type import _response_limit


class HelpdeskTicketChannel(models.Model):
    """SVC-2/SVC-3: channels may carry their own response limit (email 24 h)."""

    _inherit = "helpdesk.ticket.channel"

    limit_setting = fields.Char(
        string="Limit Setting",
        help="Technical name of the Settings field holding this channel's response limit.",
    )
    has_response_limit = fields.Boolean(string="Own Response Limit")
    response_minutes = fields.Integer(string="Response Limit (minutes)")
    time_basis = fields.Selection(TIME_BASIS, help="Empty: as set in Settings > Customer Service.")

    @api.constrains("has_response_limit", "response_minutes")
    def _check_response_minutes(self):
        for record in self:
            if record.has_response_limit and record.response_minutes <= 0:
                raise ValidationError(
                    self.env._("A response limit must be greater than zero minutes.")
                )

    def _kefu_response_limit(self):
        self.ensure_one()
        return _response_limit(self)

    @api.model
    def _kefu_link_limit_setting(self, channel_id, setting):
        """Data hook: link a channel of another module to its limit setting once."""
        channel = self.browse(channel_id).exists()
        if channel and not channel.limit_setting and not channel.has_response_limit:
            channel.limit_setting = setting

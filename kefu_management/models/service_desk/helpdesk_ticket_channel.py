from odoo import api, models


class HelpdeskTicketChannel(models.Model):
    """SVC-2/SVC-3: channels may carry their own response limit (email 24 h)."""

    _name = "helpdesk.ticket.channel"
    _inherit = ["helpdesk.ticket.channel", "kefu.response.limit.mixin"]

    @api.model
    def _kefu_link_limit_setting(self, channel_id, setting):
        """Data hook: link a channel of another module to its limit setting once."""
        channel = self.browse(channel_id).exists()
        if channel and not channel.kefu_limit_setting and not channel.kefu_has_response_limit:
            channel.kefu_limit_setting = setting

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class KefuCallbackRest(models.Model):
    """A customer's own do-not-call window (CBK-3), in the customer's timezone."""

    _name = "kefu.callback.rest"
    _description = "Customer Do-not-call Window"
    _order = "partner_id, hour_from"

    partner_id = fields.Many2one("res.partner", required=True, ondelete="cascade", index=True)
    name = fields.Char(string="Reason")
    hour_from = fields.Float(string="From", required=True)
    hour_to = fields.Float(string="Until", required=True)

    @api.constrains("hour_from", "hour_to")
    def _check_hours(self):
        for window in self:
            if not 0 <= window.hour_from < window.hour_to <= 24:
                raise ValidationError(
                    self.env._(
                        "A do-not-call window must start before it ends, between 00:00 and 24:00."
                    )
                )

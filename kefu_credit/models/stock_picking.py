from odoo import models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def button_validate(self):
        # CRD-10: no goods leave for a customer whose supply is suspended.
        for picking in self.filtered(lambda p: p.picking_type_code == "outgoing"):
            partner = picking.partner_id.commercial_partner_id.sudo()
            if partner.kefu_credit_suspended:
                raise UserError(
                    self.env._(
                        "Supply to %(partner)s is suspended: delivery %(picking)s cannot be "
                        "validated until the suspension is lifted.",
                        partner=partner.display_name,
                        picking=picking.name,
                    )
                )
        return super().button_validate()

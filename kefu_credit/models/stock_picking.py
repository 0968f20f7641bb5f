from odoo import api, fields, models
from odoo.exceptions import UserError

from .res_partner import CREDIT_READERS


class StockPicking(models.Model):
    _inherit = "stock.picking"

    kefu_credit_suspended = fields.Boolean(
        string="Customer Supply Suspended",
        compute="_compute_kefu_credit_suspended",
        help="The customer's supply is suspended (CRD-10): the delivery cannot be validated.",
        # Host first: the warehouse and the credit readers.
        groups="stock.group_stock_user," + CREDIT_READERS,
    )

    @api.depends("partner_id", "picking_type_code")
    def _compute_kefu_credit_suspended(self):
        # CRD-10: warehouse staff may not read the customer's credit page; the flag
        # on the delivery is all they need to see.
        for picking in self:
            partner = picking.partner_id.commercial_partner_id.sudo()
            picking.kefu_credit_suspended = bool(
                picking.picking_type_code == "outgoing" and partner.kefu_credit_suspended
            )

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

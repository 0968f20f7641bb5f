from odoo import api, fields, models

ORDER_NEEDS_CONTRACT = "kefu_contract.order_needs_contract"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # CON-3: each reviewer (Finance, Legal) finishes within one working day.
    kefu_con_review_days = fields.Integer(
        string="Contract Review Due (working days)",
        config_parameter="kefu_contract.review_days",
        default=1,
        kefu_range=(1, 30),
    )
    # CON-3: a reminder this many working hours before a review falls due.
    kefu_con_reminder_hours = fields.Integer(
        string="Review Reminder Before Due (working hours)",
        config_parameter="kefu_contract.reminder_hours",
        default=2,
        kefu_range=(1, 24),
    )
    # CON-6: the signed contract reaches CS custody within one working day.
    kefu_con_custody_days = fields.Integer(
        string="Signed Contract to Custody (working days)",
        config_parameter="kefu_contract.custody_days",
        default=1,
        kefu_range=(1, 30),
    )
    # CON-9: contracts from this amount go on to the General Manager after Finance
    # and Legal. The rulebook sets no amount: 1,000,000 is the company's choice.
    kefu_con_gm_review_amount = fields.Float(
        string="Contract Amount Needing the General Manager",
        config_parameter="kefu_contract.gm_review_amount",
        default=1000000.0,
        kefu_range=(1, 10**12),
    )
    # CON-9: the same for a new customer, from a lower amount (company's choice).
    kefu_con_gm_review_amount_new = fields.Float(
        string="New-customer Contract Amount Needing the General Manager",
        config_parameter="kefu_contract.gm_review_amount_new",
        default=300000.0,
        kefu_range=(1, 10**12),
        kefu_upto="kefu_con_gm_review_amount",
    )
    # CON-1: every outgoing sales contract is reviewed: an order above this amount
    # is confirmed only with a reviewed contract. The amount is the company's choice.
    kefu_con_order_needs_contract = fields.Boolean(
        string="Orders Need a Reviewed Contract",
        config_parameter=ORDER_NEEDS_CONTRACT,
        default=True,
    )
    kefu_con_order_amount = fields.Float(
        string="Order Amount Needing a Contract",
        config_parameter="kefu_contract.order_amount",
        default=100000.0,
        kefu_range=(1, 10**12),
    )

    @api.model
    def get_values(self):
        res = super().get_values()
        # Odoo reads a stored "0" as a checked box (bool("0")): read it as kefu does.
        res["kefu_con_order_needs_contract"] = self.env["kefu.settings"].get_value(
            "kefu_con_order_needs_contract"
        )
        return res

    def set_values(self):
        super().set_values()
        # Odoo deletes the parameter of an unchecked box, which would bring back the
        # default (on): store the choice itself.
        self.env["ir.config_parameter"].sudo().set_param(
            ORDER_NEEDS_CONTRACT, "1" if self.kefu_con_order_needs_contract else "0"
        )

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount

# CON-1: the groups that may read contracts (ir.model.access.csv); host first, the
# other users of orders (invoicing, stock) neither see nor read the link.
CONTRACT_READERS = (
    "sales_team.group_sale_salesman,kefu_management.group_kefu_agent,"
    "account.group_account_manager,kefu_contract.group_kefu_legal"
)
REVIEWED = ("approved", "signed", "custody")


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # The same link as the contract's own Sales Orders, seen from the order.
    kefu_contract_ids = fields.Many2many(
        "kefu.contract",
        "kefu_contract_sale_order_rel",
        "sale_order_id",
        "kefu_contract_id",
        string="Sales Contracts",
        copy=False,
        groups=CONTRACT_READERS,
        domain="[('partner_id', 'parent_of', partner_id)]",
        help="CON-1: above the amount of the settings, the order is confirmed only with "
        "a reviewed contract of the same customer covering its amount.",
    )

    def _kefu_check_credit(self):
        # Called for each order before confirmation (kefu_credit): the credit
        # policy speaks first, then the contract.
        super()._kefu_check_credit()
        self._kefu_check_contract()

    def _kefu_check_contract(self):
        """CON-1: every outgoing sales contract is reviewed by CS before the sale."""
        settings = self.env["kefu.settings"]
        if not settings.get_value("kefu_con_order_needs_contract"):
            return
        threshold = settings.get_value("kefu_con_order_amount")
        # Read as the system: the sales person may confirm an order on a contract
        # another sales person recorded; the order's own access was checked.
        for order in self.sudo():
            currency = order.company_id.currency_id
            amount = order._kefu_company_amount()
            if currency.compare_amounts(amount, threshold) <= 0:
                continue
            customer = order.partner_id.commercial_partner_id
            if not order.kefu_contract_ids.filtered(
                lambda c, customer=customer, amount=amount: (
                    c.state in REVIEWED
                    and c.partner_id.commercial_partner_id == customer
                    and c.currency_id.compare_amounts(c.amount, amount) >= 0
                )
            ):
                raise UserError(
                    self.env._(
                        "Order %(order)s (%(amount)s) needs a reviewed sales contract before "
                        "confirmation: above %(threshold)s, link a contract of %(customer)s "
                        "approved in review and covering the order's amount (CON-1).",
                        order=order.name,
                        amount=format_amount(self.env, amount, currency),
                        threshold=format_amount(self.env, threshold, currency),
                        customer=customer.display_name,
                    )
                )

    def _kefu_company_amount(self):
        self.ensure_one()
        return self.currency_id._convert(
            self.amount_total,
            self.company_id.currency_id,
            self.company_id,
            self.date_order.date() if self.date_order else fields.Date.context_today(self),
        )

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount

from .res_partner import CREDIT_READERS

# Who may read the credit warning on a quotation: sales and the credit roles,
# not every user who opens orders (a Billing user still opens them).
CREDIT_WARNING_READERS = (
    "sales_team.group_sale_salesman,kefu_credit.group_kefu_credit_control,"
    "kefu_credit.group_kefu_marketing_manager"
)

# Who reads the over-limit approvals of an order (their access rules' groups).
OVERLIMIT_READERS = (
    "sales_team.group_sale_salesman,kefu_credit.group_kefu_marketing_manager,"
    "kefu_credit.group_kefu_credit_control"
)


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # Host first: read by the credit readers only (as the customer's fields).
    kefu_credit_tier = fields.Selection(
        related="partner_id.commercial_partner_id.kefu_credit_tier",
        string="Credit Tier",
        groups=CREDIT_READERS,
    )
    kefu_credit_suspended = fields.Boolean(
        related="partner_id.commercial_partner_id.kefu_credit_suspended",
        string="Supply Suspended",
        groups=CREDIT_READERS,
    )
    kefu_overlimit_approval_ids = fields.One2many(
        "kefu.credit.overlimit.approval",
        "order_id",
        string="Over-limit Approvals",
        groups=OVERLIMIT_READERS,
    )
    kefu_overlimit_approval_count = fields.Integer(
        compute="_compute_kefu_overlimit_approval_count", groups=OVERLIMIT_READERS
    )
    kefu_credit_warning = fields.Text(
        string="Credit Warning",
        compute="_compute_kefu_credit_warning",
        groups=CREDIT_WARNING_READERS,
        help="Why confirming this quotation would be refused by the credit policy.",
    )

    @api.depends("kefu_overlimit_approval_ids")
    def _compute_kefu_overlimit_approval_count(self):
        for order in self:
            order.kefu_overlimit_approval_count = len(order.kefu_overlimit_approval_ids)

    @api.depends(
        "state",
        "partner_id",
        "amount_total",
        "currency_id",
        "payment_term_id",
        "kefu_overlimit_approval_ids.state",
        "kefu_overlimit_approval_ids.amount",
    )
    def _compute_kefu_credit_warning(self):
        # Shown before Confirm: the refusal Confirm would give (CRD-2, CRD-3, CRD-10).
        for order in self:
            warning = False
            if order.state in ("draft", "sent") and order.partner_id:
                warning = order._kefu_credit_refusal()
            order.kefu_credit_warning = warning or False

    def _kefu_format(self, amount, currency):
        return format_amount(self.env, amount, currency)

    def _kefu_order_amount(self, partner):
        self.ensure_one()
        return self.currency_id._convert(
            self.amount_total,
            partner.risk_currency_id,
            self.company_id,
            self.date_order.date() if self.date_order else fields.Date.context_today(self),
            round=False,
        )

    def _kefu_amount_over_limit(self):
        """Open orders + unpaid invoices + this order - the limit (CRD-3), or 0."""
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id.sudo()
        if not partner.kefu_credit_tier:
            return 0.0
        exposure = partner.risk_total
        if self.state not in self.env["sale.order"]._get_risk_states():
            exposure += self._kefu_order_amount(partner)
        over = exposure - partner.credit_limit
        return partner.risk_currency_id.round(over) if over > 0 else 0.0

    def _kefu_check_credit(self):
        """CRD-2, CRD-3, CRD-10: refuse a confirmation the credit policy forbids."""
        self.ensure_one()
        refusal = self._kefu_credit_refusal()
        if refusal:
            raise UserError(refusal)

    def _kefu_credit_refusal(self):
        """The message refusing this order's confirmation, or False."""
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id.sudo()
        if partner.kefu_credit_suspended:
            return self.env._(
                "Supply to %s is suspended by an emergency report decision: "
                "orders cannot be confirmed until the suspension is lifted.",
                partner.display_name,
            )
        policy = partner.kefu_credit_policy_id
        if not partner.kefu_credit_tier or not policy:
            return False
        return (
            self._kefu_refusal_term(partner, policy)
            or self._kefu_refusal_prepayment(partner, policy)
            or self._kefu_refusal_over_limit(partner)
        )

    def _kefu_refusal_term(self, partner, policy):
        # The order may not give longer payment terms than the tier's policy.
        if policy.payment_term_id and self.payment_term_id:
            if policy._term_days(self.payment_term_id) > policy._term_days():
                return self.env._(
                    "Credit tier %(tier)s of %(partner)s allows the payment term "
                    "%(term)s at most; order %(order)s gives %(order_term)s.",
                    tier=partner.kefu_credit_tier,
                    partner=partner.display_name,
                    term=policy.payment_term_id.display_name,
                    order=self.name,
                    order_term=self.payment_term_id.display_name,
                )
        return False

    def _kefu_refusal_prepayment(self, partner, policy):
        if policy.prepayment_required or partner.kefu_credit_tier == "D":
            # CRD-2: tier D pays before the goods (先款后货); approvals do not apply.
            currency = partner.risk_currency_id
            amount = self._kefu_order_amount(partner)
            received = max(0.0, -partner.credit)
            advance = received - partner.risk_sale_order
            paid = self.amount_paid + max(0.0, advance)
            if currency.compare_amounts(paid, amount) >= 0:
                return False
            message = self.env._(
                "%(partner)s is in credit tier %(tier)s: order %(order)s needs "
                "prepayment before confirmation (%(paid)s paid of %(amount)s).",
                partner=partner.display_name,
                tier=partner.kefu_credit_tier,
                order=self.name,
                paid=self._kefu_format(paid, currency),
                amount=self._kefu_format(amount, currency),
            )
            absorbed = min(received, partner.risk_sale_order)
            if not currency.is_zero(absorbed):
                # Say where a received payment went: the customer's other open
                # orders take it first.
                others = self.sudo().search(
                    [
                        ("partner_id", "child_of", partner.id),
                        ("state", "in", self._get_risk_states()),
                        ("id", "!=", self._origin.id or 0),
                    ]
                )
                message += " " + self.env._(
                    "Payments received: %(received)s, of which %(absorbed)s already cover "
                    "the customer's other open orders %(orders)s.",
                    received=self._kefu_format(received, currency),
                    absorbed=self._kefu_format(absorbed, currency),
                    orders=", ".join(others.filtered("order_line.risk_amount").mapped("name"))
                    or "-",
                )
            return message
        return False

    def _kefu_refusal_over_limit(self, partner):
        if partner.kefu_credit_tier == "D" or partner.kefu_credit_policy_id.prepayment_required:
            return False  # prepayment decides (_kefu_refusal_prepayment)
        if partner.kefu_credit_tier == "C" and not partner.credit_limit:
            # Cash on delivery (现款现货) without a limit: the payment term rules.
            return False
        currency = partner.risk_currency_id
        over = self._kefu_amount_over_limit()
        if currency.is_zero(over):
            return False
        # Sudo: the approvals decide for whoever confirms (a payment, the portal).
        approvals = self.sudo().kefu_overlimit_approval_ids.filtered(
            lambda a: a.state == "approved"
        )
        if not approvals:
            return self.env._(
                "Order %(order)s would take %(partner)s %(over)s over the credit limit of "
                "%(limit)s (open orders, unpaid invoices and this order: %(exposure)s). "
                "Request an over-limit approval from the Marketing Manager or the "
                "General Manager.",
                order=self.name,
                partner=partner.display_name,
                over=self._kefu_format(over, currency),
                limit=self._kefu_format(partner.credit_limit, currency),
                exposure=self._kefu_format(partner.credit_limit + over, currency),
            )
        best = max(approvals.mapped("amount"))
        if currency.compare_amounts(best, over) < 0:
            return self.env._(
                "The over-limit approval covers %(approved)s but order %(order)s goes "
                "%(over)s over the credit limit: request a new approval.",
                approved=self._kefu_format(best, currency),
                order=self.name,
                over=self._kefu_format(over, currency),
            )
        return False

    def action_confirm(self):
        for order in self:
            order._kefu_check_credit()
        # Sudo: confirmed by users outside CREDIT_READERS too (a payment, the portal).
        tiered = all(
            order.partner_id.commercial_partner_id.sudo().kefu_credit_tier for order in self
        )
        # Our tier policy has decided; OCA's risk wizard would ask again.
        orders = self.with_context(bypass_risk=True) if tiered else self
        return super(SaleOrder, orders).action_confirm()

    def action_kefu_request_overlimit(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Over-limit Approval"),
            "res_model": "kefu.credit.overlimit.approval",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_order_id": self.id,
                "default_amount": self._kefu_amount_over_limit(),
            },
        }

    def action_kefu_view_overlimit_approvals(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Over-limit Approvals"),
            "res_model": "kefu.credit.overlimit.approval",
            "view_mode": "list,form",
            "domain": [("order_id", "=", self.id)],
            "context": {"default_order_id": self.id},
        }

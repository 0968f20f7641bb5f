from odoo import api, fields, models
from odoo.exceptions import ValidationError

TIERS = [("A", "A"), ("B", "B"), ("C", "C"), ("D", "D")]


class KefuCreditPolicy(models.Model):
    """CRD-2: what each credit tier allows; one record per tier, edited by admins."""

    _name = "kefu.credit.policy"
    _description = "Credit Tier Policy"
    _inherit = ["mail.thread"]
    _order = "tier"

    name = fields.Char(required=True, translate=True)
    tier = fields.Selection(TIERS, required=True, tracking=True)
    active = fields.Boolean(default=True)
    limit_method = fields.Selection(
        [
            ("sales", "Sales of the Payment Period"),
            ("fixed", "Set Amount"),
            ("none", "No Credit"),
        ],
        required=True,
        default="fixed",
        tracking=True,
        help="Sales of the Payment Period: average daily invoiced sales over the "
        "window of the settings times the days of the payment term.",
    )
    payment_term_id = fields.Many2one(
        "account.payment.term",
        tracking=True,
        help="Applied to the customer with the tier; orders may not give longer terms.",
    )
    fixed_limit = fields.Float(string="Set Limit", tracking=True)
    allow_limit = fields.Boolean(
        string="Allows a Small Limit",
        tracking=True,
        help="Cash-on-delivery tiers: give the set limit only when the policy allows it.",
    )
    relax_months = fields.Integer(
        string="Relax After (months)",
        tracking=True,
        help="Months without overdue invoices after which the limit is relaxed; 0 never relaxes.",
    )
    relax_percent = fields.Float(string="Relax Step (%)", tracking=True)
    relax_max_limit = fields.Float(string="Relaxed Limit Ceiling", tracking=True)
    prepayment_required = fields.Boolean(
        tracking=True, help="Orders are confirmed only once paid in advance."
    )
    note = fields.Html(translate=True)

    _sql_constraints = [
        ("tier_unique", "unique(tier)", "Each credit tier has one policy."),
    ]

    @api.constrains("fixed_limit", "relax_percent", "relax_max_limit", "relax_months")
    def _check_amounts(self):
        for policy in self:
            if (
                min(
                    policy.fixed_limit,
                    policy.relax_percent,
                    policy.relax_max_limit,
                    policy.relax_months,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._(
                        "Limits, relax steps and months of a credit policy cannot be negative."
                    )
                )
            if policy.limit_method == "none" and policy.fixed_limit:
                raise ValidationError(self.env._("A policy without credit cannot set a limit."))

    @api.model
    def _for_tier(self, tier):
        return self.search([("tier", "=", tier)], limit=1) if tier else self.browse()

    def _term_days(self, payment_term=None):
        """Days of credit a payment term gives (its longest line)."""
        term = payment_term if payment_term is not None else self.payment_term_id
        return max(term.line_ids.mapped("nb_days") or [0])

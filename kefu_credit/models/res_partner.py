from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.kefu_management.models.base.kefu_translate import kefu_cron_lang

from .kefu_credit_policy import TIERS

CREDIT_CONTROL_GROUP = "kefu_credit.group_kefu_credit_control"
# CRD-1: fields only the credit group may change.
TIER_FIELDS = {
    "kefu_credit_tier",
    "kefu_credit_tier_date",
    "kefu_credit_tier_user_id",
    "kefu_credit_tier_reason",
    "kefu_credit_limit_manual",
    "kefu_credit_review_date",
    "kefu_credit_relax_date",
}
# CRD-2: who reads the tier-A cap, i.e. the customer's invoiced sales.
CAP_READERS = (
    "kefu_credit.group_kefu_credit_control,account.group_account_invoice,"
    "account.group_account_readonly"
)
# Host first: who reads kefu's credit fields on a contact (and the elements kefu
# adds for them to the contact, order, lead and delivery forms): sales, accounting,
# customer service, the credit group and the superiors of emergency reports. Other
# employees open contacts as without kefu; kefu's own code reads these fields as
# superuser on their behalf (order confirmation, delivery validation).
CREDIT_READERS = (
    "sales_team.group_sale_salesman,account.group_account_invoice,"
    "account.group_account_readonly,kefu_management.group_kefu_agent,"
    "kefu_credit.group_kefu_credit_control,kefu_credit.group_kefu_credit_superior"
)
# CRD-3: exposure = open orders + draft, open and unpaid invoices (OCA risk).
RISK_INCLUDE_FIELDS = (
    "risk_sale_order_include",
    "risk_invoice_draft_include",
    "risk_invoice_open_include",
    "risk_invoice_unpaid_include",
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    kefu_credit_tier = fields.Selection(
        TIERS, string="Credit Tier", tracking=True, index=True, copy=False, groups=CREDIT_READERS
    )
    kefu_credit_tier_date = fields.Date(
        string="Credit Tier Date", tracking=True, copy=False, groups=CREDIT_READERS
    )
    kefu_credit_tier_user_id = fields.Many2one(
        "res.users",
        string="Credit Tier Set By",
        tracking=True,
        copy=False,
        groups=CREDIT_READERS,
    )
    kefu_credit_tier_reason = fields.Text(
        string="Credit Tier Reason", tracking=True, copy=False, groups=CREDIT_READERS
    )
    kefu_credit_policy_id = fields.Many2one(
        "kefu.credit.policy",
        string="Credit Tier Policy",
        compute="_compute_kefu_credit_policy_id",
        groups=CREDIT_READERS,
    )
    kefu_credit_limit_manual = fields.Boolean(
        string="Credit Limit Set by Hand",
        tracking=True,
        help="Keep the credit limit typed by the credit group instead of the tier's computation.",
        copy=False,
        groups=CREDIT_READERS,
    )
    # CRD-2: read only by those who may read the customer's invoiced sales.
    kefu_credit_limit_cap = fields.Float(
        string="Tier A Limit Cap",
        compute="_compute_kefu_credit_limit_cap",
        compute_sudo=True,
        groups=CAP_READERS,
        help="Sales of the payment period: the average daily invoiced sales over the "
        "window of the settings times the days of the payment term. A tier-A limit, even "
        "set by hand, cannot exceed it.",
    )
    kefu_credit_review_date = fields.Date(
        string="Last Credit Review",
        tracking=True,
        help="Date of the last approved investigation.",
        copy=False,
        groups=CREDIT_READERS,
    )
    kefu_credit_relax_date = fields.Date(
        string="Last Limit Relaxation", copy=False, groups=CREDIT_READERS
    )
    kefu_credit_limit_amount = fields.Float(
        string="Credit Limit Granted",
        compute="_compute_kefu_credit_usage",
        compute_sudo=True,
        groups=CREDIT_READERS,
    )
    kefu_credit_used = fields.Float(
        string="Credit Used",
        compute="_compute_kefu_credit_usage",
        compute_sudo=True,
        groups=CREDIT_READERS,
    )
    kefu_credit_used_pct = fields.Float(
        string="Limit Used (%)",
        compute="_compute_kefu_credit_usage",
        compute_sudo=True,
        groups=CREDIT_READERS,
    )
    kefu_credit_can_edit = fields.Boolean(
        compute="_compute_kefu_credit_can_edit", groups=CREDIT_READERS
    )
    kefu_credit_suspended = fields.Boolean(
        string="Supply Suspended",
        compute="_compute_kefu_credit_suspended",
        store=True,
        tracking=True,
        help="Set by a decided emergency report with a suspension measure, until lifted.",
        groups=CREDIT_READERS,
    )
    kefu_credit_investigation_ids = fields.One2many(
        "kefu.credit.investigation",
        "partner_id",
        string="Credit Investigations",
        groups=CREDIT_READERS,
    )
    kefu_credit_emergency_report_ids = fields.One2many(
        "kefu.credit.emergency.report",
        "partner_id",
        string="Emergency Reports",
        groups=CREDIT_READERS,
    )
    kefu_credit_overlimit_approval_ids = fields.One2many(
        "kefu.credit.overlimit.approval",
        "partner_id",
        string="Over-limit Approvals",
        groups=CREDIT_READERS,
    )

    @api.depends("kefu_credit_tier")
    def _compute_kefu_credit_policy_id(self):
        policies = self.env["kefu.credit.policy"].sudo().search([])
        for partner in self:
            partner.kefu_credit_policy_id = policies.filtered(
                lambda p, tier=partner.kefu_credit_tier: p.tier == tier
            )[:1]

    @api.depends("credit_limit", "risk_total")
    def _compute_kefu_credit_usage(self):
        for partner in self:
            commercial = partner.commercial_partner_id
            limit = commercial.credit_limit
            used = commercial.risk_total
            partner.kefu_credit_limit_amount = limit
            partner.kefu_credit_used = used
            partner.kefu_credit_used_pct = 100.0 * used / limit if limit else 0.0

    @api.depends("kefu_credit_tier")
    def _compute_kefu_credit_limit_cap(self):
        for partner in self:
            partner.kefu_credit_limit_cap = (
                partner._kefu_sales_of_payment_period() if partner.kefu_credit_tier == "A" else 0.0
            )

    def _compute_kefu_credit_can_edit(self):
        self.kefu_credit_can_edit = self.env.su or self.env.user.has_group(CREDIT_CONTROL_GROUP)

    @api.depends(
        "kefu_credit_emergency_report_ids.state",
        "kefu_credit_emergency_report_ids.suspends_supply",
    )
    def _compute_kefu_credit_suspended(self):
        for partner in self:
            partner.kefu_credit_suspended = any(
                report.state == "decided" and report.suspends_supply
                for report in partner.kefu_credit_emergency_report_ids
            )

    @api.constrains("kefu_credit_tier", "kefu_credit_tier_reason")
    def _check_kefu_credit_tier_reason(self):
        for partner in self:
            if partner.kefu_credit_tier and not (partner.kefu_credit_tier_reason or "").strip():
                raise ValidationError(
                    self.env._("Give the reason for the credit tier of %s.", partner.display_name)
                )

    @api.constrains("credit_limit", "kefu_credit_tier")
    def _check_kefu_credit_limit(self):
        for partner in self.sudo():
            if partner.credit_limit < 0:
                raise ValidationError(
                    self.env._("The credit limit of %s cannot be negative.", partner.display_name)
                )
            # CRD-2: tier D gets no credit at all.
            if partner.kefu_credit_tier == "D" and partner.credit_limit > 0:
                raise ValidationError(
                    self.env._(
                        "%s is in credit tier D: no credit limit can be given, "
                        "orders need prepayment.",
                        partner.display_name,
                    )
                )

    @api.constrains("credit_limit", "kefu_credit_limit_manual")
    def _check_kefu_credit_limit_cap(self):
        # CRD-2: a hand-set tier-A limit stays within the sales of the payment period.
        for partner in self.sudo():
            if not (partner.kefu_credit_tier == "A" and partner.kefu_credit_limit_manual):
                continue
            refusal = partner._kefu_tier_a_cap_refusal(partner.credit_limit)
            if refusal:
                raise ValidationError(refusal)

    def _kefu_tier_a_cap_refusal(self, limit, policy=None):
        """CRD-2: why ``limit`` cannot be this partner's tier-A limit (above the sales
        of the payment period), or ''."""
        self.ensure_one()
        cap = self._kefu_sales_of_payment_period(policy=policy)
        if self.currency_id.compare_amounts(limit, cap) <= 0:
            return ""
        return self.env._(
            "The credit limit of %(partner)s (%(limit)s) is above the sales of "
            "its payment period (%(cap)s): a tier A limit cannot exceed them.",
            partner=self.display_name,
            limit=self._kefu_amount(limit),
            cap=self._kefu_amount(cap),
        )

    @api.model_create_multi
    def create(self, vals_list):
        if any(TIER_FIELDS & set(vals) for vals in vals_list):
            self._kefu_check_credit_access()
        for vals in vals_list:
            if vals.get("kefu_credit_tier"):
                vals.setdefault("kefu_credit_tier_date", fields.Date.context_today(self))
                vals.setdefault("kefu_credit_tier_user_id", self.env.uid)
        partners = super().create(vals_list)
        # Sudo: read on behalf of users outside CREDIT_READERS creating contacts.
        partners.sudo().filtered("kefu_credit_tier")._kefu_apply_credit_policy()
        return partners

    def write(self, vals):
        if TIER_FIELDS & set(vals):
            self._kefu_check_credit_access()
        if self._kefu_risk_fields() & set(vals):
            self._kefu_check_risk_access(vals)
        if vals.get("kefu_credit_tier") == "D":
            # CRD-2: the limit goes before the tier D arrives (checked together).
            super(ResPartner, self.sudo()).write({"credit_limit": 0.0})
        tier_changed = "kefu_credit_tier" in vals
        if tier_changed and vals["kefu_credit_tier"]:
            vals = dict(vals)
            vals.setdefault("kefu_credit_tier_date", fields.Date.context_today(self))
            vals.setdefault("kefu_credit_tier_user_id", self.env.uid)
        res = super().write(vals)
        if self.env.context.get("kefu_credit_policy_write"):
            return res  # written by the policy itself: nothing to apply again
        if tier_changed or vals.get("kefu_credit_limit_manual") is False:
            self.sudo().filtered("kefu_credit_tier")._kefu_apply_credit_policy()
        return res

    @api.onchange("kefu_credit_tier")
    def _onchange_kefu_credit_tier(self):
        # A new tier needs its own reason (CRD-1).
        if self.kefu_credit_tier != self._origin.kefu_credit_tier:
            self.kefu_credit_tier_reason = False

    def _kefu_check_credit_access(self):
        # CRD-1: tiers are changed by the credit group only (Finance, CS Manager).
        if self.env.su or self.env.user.has_group(CREDIT_CONTROL_GROUP):
            return
        raise AccessError(
            self.env._(
                "Only the credit control group (Finance, CS Manager) can change credit tiers."
            )
        )

    @api.model
    def _kefu_risk_fields(self):
        """OCA's settings of the risk computation: what counts, up to which limits,
        in which currency."""
        names = {
            name
            for name, field in self._fields.items()
            if name.startswith("risk_")
            and name.endswith(("_include", "_limit"))
            and field.store
            and not field.compute
        }
        return names | {"credit_currency", "manual_credit_currency_id", "credit_policy"}

    def _kefu_check_risk_access(self, vals):
        # CRD-3: the exposure of a tiered customer (open orders, invoices) is what
        # the limit is checked against: only the credit group changes what counts.
        # Customers outside kefu's tiers keep OCA's behaviour.
        if self.env.su or self.env.user.has_group(CREDIT_CONTROL_GROUP):
            return
        tiered = self.sudo().commercial_partner_id.filtered("kefu_credit_tier")
        if tiered or vals.get("kefu_credit_tier"):
            raise AccessError(
                self.env._(
                    "Only the credit control group (Finance, CS Manager) can change how the "
                    "credit risk of %(partner)s is computed (CRD-3).",
                    partner=(tiered or self)[:1].display_name,
                )
            )

    def _kefu_sales_average_daily(self, today=None):
        """Average daily invoiced sales (company currency) over the settings' window."""
        self.ensure_one()
        today = today or fields.Date.context_today(self)
        window = self.env["kefu.settings"].get_value("kefu_crd_sales_window_days")
        moves = (
            self.env["account.move"]
            .sudo()
            .search(
                [
                    ("commercial_partner_id", "=", self.commercial_partner_id.id),
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("state", "=", "posted"),
                    ("invoice_date", ">", today - timedelta(days=window)),
                    ("invoice_date", "<=", today),
                ]
            )
        )
        return sum(moves.mapped("amount_total_signed")) / window

    def _kefu_sales_of_payment_period(self, today=None, policy=None):
        """CRD-2: the sales within the payment period, the ceiling of a tier-A limit:
        average daily invoiced sales times the days of the payment term."""
        self.ensure_one()
        policy = policy or self.kefu_credit_policy_id
        term = policy.payment_term_id or self.sudo().property_payment_term_id
        days = policy._term_days(term) if policy else max(term.line_ids.mapped("nb_days") or [0])
        return self.currency_id.round(self._kefu_sales_average_daily(today) * days)

    def _kefu_amount(self, amount):
        return tools.format_amount(self.env, amount, self.currency_id)

    def _kefu_computed_credit_limit(self, today=None):
        """CRD-2: the limit a tier's policy gives this customer."""
        self.ensure_one()
        policy = self.kefu_credit_policy_id
        if not policy or policy.limit_method == "none" or self.kefu_credit_tier == "D":
            return 0.0
        if policy.limit_method == "sales":
            return self._kefu_sales_of_payment_period(today)
        if self.kefu_credit_tier == "C" and not policy.allow_limit:
            return 0.0
        if self.kefu_credit_tier == "A":
            return min(policy.fixed_limit, self._kefu_sales_of_payment_period(today))
        return policy.fixed_limit

    def _kefu_apply_credit_policy(self):
        """CRD-2: the tier brings its payment term and limit to the customer."""
        # Callers passed _kefu_check_credit_access; the limit itself is a
        # Finance field, written as superuser on their behalf.
        for partner in self.sudo():
            policy = partner.kefu_credit_policy_id
            vals = dict.fromkeys(RISK_INCLUDE_FIELDS, True)
            if policy.payment_term_id:
                vals["property_payment_term_id"] = policy.payment_term_id.id
            if partner.kefu_credit_tier == "D":
                vals["kefu_credit_limit_manual"] = False
                vals["credit_limit"] = 0.0
            elif not (partner.kefu_credit_limit_manual and partner.kefu_credit_tier == "A"):
                vals["credit_limit"] = partner._kefu_computed_credit_limit()
            else:
                # CRD-2: a hand-set limit is kept up to the sales of the payment period.
                vals["credit_limit"] = min(
                    partner.credit_limit, partner._kefu_sales_of_payment_period()
                )
            vals["kefu_credit_relax_date"] = fields.Date.context_today(partner)
            partner._kefu_policy_write(vals)

    def _kefu_policy_write(self, vals):
        """A write of the credit policy itself (CRD-2), which applies nothing again."""
        return self.with_context(kefu_credit_policy_write=True).write(vals)

    def action_kefu_recompute_credit_limit(self):
        self._kefu_check_credit_access()
        self.filtered("kefu_credit_tier")._kefu_apply_credit_policy()
        return True

    def _kefu_has_overdue(self, today=None):
        """Whether any receivable of the customer is past its due date."""
        self.ensure_one()
        today = today or fields.Date.context_today(self)
        return bool(
            self.env["account.move.line"]
            .sudo()
            .search_count(
                [
                    ("partner_id", "child_of", self.commercial_partner_id.id),
                    ("account_type", "=", "asset_receivable"),
                    ("parent_state", "=", "posted"),
                    ("reconciled", "=", False),
                    ("amount_residual", ">", 0),
                    ("date_maturity", "<", today),
                ],
                limit=1,
            )
        )

    @api.model
    @kefu_cron_lang
    def _cron_kefu_relax_credit_limits(self, batch_size=200):
        """CRD-2: relax a tier's set limit after N months without overdue invoices.

        One batch per policy through the batch helper (row locks, progress); each
        customer handled gets today's relax date and so leaves the step's domain.
        """
        today = fields.Date.context_today(self)
        steps = []
        for policy in self.env["kefu.credit.policy"].search(
            [("relax_months", ">", 0), ("relax_percent", ">", 0), ("limit_method", "=", "fixed")]
        ):
            cutoff = today - relativedelta(months=policy.relax_months)
            domain = [
                ("kefu_credit_tier", "=", policy.tier),
                ("kefu_credit_limit_manual", "=", False),
                ("kefu_credit_suspended", "=", False),
                ("kefu_credit_relax_date", "<=", cutoff),
            ]
            steps.append(
                ("res.partner", domain, lambda partners, p=policy: partners._kefu_relax(p, today))
            )
        done, _remaining = self.env["kefu.cron.batch"].run_steps(steps, batch_size)
        return done

    def _kefu_relax(self, policy, today):
        # Issue 17: the batch costs O(1) queries per customer: one query for the
        # customers with overdue receivables, one write per new limit, the notes
        # in bulk.
        partners = self.sudo()
        overdue = partners._kefu_with_overdue(today)
        # The months without overdue start again.
        overdue._kefu_policy_write({"kefu_credit_relax_date": today})
        by_limit = {}
        for partner in partners - overdue:
            limit = partner.credit_limit * (1 + policy.relax_percent / 100.0)
            if policy.relax_max_limit:
                limit = min(limit, policy.relax_max_limit)
            limit = partner.currency_id.round(limit)
            by_limit[limit] = by_limit.get(limit, partners.browse()) | partner
        for limit, relaxed in by_limit.items():
            relaxed._kefu_policy_write({"credit_limit": limit, "kefu_credit_relax_date": today})
        self.env["kefu.cron.batch"].log_notes(
            [
                (
                    partner,
                    self.env._(
                        "Credit limit relaxed to %(limit)s after %(months)s months without "
                        "overdue.",
                        limit=partner.credit_limit,
                        months=policy.relax_months,
                    ),
                    None,
                )
                for relaxed in by_limit.values()
                for partner in relaxed
            ]
        )

    def _kefu_with_overdue(self, today):
        """The customers of ``self`` with a receivable past its due date
        (``_kefu_has_overdue`` for a batch, in one query)."""
        commercial = self.commercial_partner_id
        if not commercial:
            return self.browse()
        groups = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "child_of", commercial.ids),
                    ("account_type", "=", "asset_receivable"),
                    ("parent_state", "=", "posted"),
                    ("reconciled", "=", False),
                    ("amount_residual", ">", 0),
                    ("date_maturity", "<", today),
                ],
                ["partner_id"],
            )
        )
        late = self.browse([partner.id for (partner,) in groups]).commercial_partner_id
        return self.filtered(lambda p: p.commercial_partner_id in late)

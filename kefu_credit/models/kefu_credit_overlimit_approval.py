from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

APPROVER_GROUPS = (
    "kefu_credit.group_kefu_marketing_manager",
    "kefu_credit.group_kefu_credit_control",
)


class KefuCreditOverlimitApproval(models.Model):
    """CRD-3: going over a customer's limit is reported and approved by the
    Marketing Manager or the General Manager (tier validation)."""

    _name = "kefu.credit.overlimit.approval"
    _description = "Over-limit Approval"
    # The protected mixin first: its guard runs before tier validation's write.
    _inherit = ["kefu.protected.mixin", "kefu.approval.mixin"]
    _kefu_request_button = "action_request"
    _order = "id desc"

    # CRD-3: the signer, the state and what was signed (amount, order, reason)
    # change only through the actions; the request is set once, at creation.
    _kefu_protected_fields = (
        "state",
        "approved_by_id",
        "approved_date",
        "requested_by_id",
        "order_id",
        "amount",
        "reason",
    )
    _kefu_create_fields = ("order_id", "amount", "reason")

    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"

    name = fields.Char(default="/", readonly=True, copy=False)
    order_id = fields.Many2one(
        "sale.order", string="Sales Order", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_partner_id",
        store=True,
        index=True,
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    credit_tier = fields.Selection(related="partner_id.kefu_credit_tier")
    amount = fields.Monetary(
        string="Over-limit Amount",
        required=True,
        tracking=True,
        help="How far the customer's exposure may go over the credit limit for this order.",
    )
    amount_needed = fields.Monetary(
        string="Amount Over the Limit",
        compute="_compute_amount_needed",
        help="Open orders, unpaid invoices and this order, minus the credit limit.",
    )
    reason = fields.Text(required=True, tracking=True)
    requested_by_id = fields.Many2one(
        "res.users", string="Requested By", default=lambda self: self.env.user, readonly=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    approved_by_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)
    needs_general_manager = fields.Boolean(
        compute="_compute_needs_general_manager",
        search="_search_needs_general_manager",
        help="Over-limit amounts above the settings' threshold go to the General Manager.",
    )

    @api.depends("order_id.partner_id")
    def _compute_partner_id(self):
        for approval in self:
            approval.partner_id = approval.order_id.partner_id.commercial_partner_id

    @api.depends("order_id.amount_total", "partner_id")
    def _compute_amount_needed(self):
        for approval in self:
            approval.amount_needed = approval.order_id._kefu_amount_over_limit()

    @api.depends("amount")
    def _compute_needs_general_manager(self):
        threshold = self.env["kefu.settings"].get_value("kefu_crd_gm_approval_amount")
        for approval in self:
            approval.needs_general_manager = approval.amount > threshold

    def _search_needs_general_manager(self, operator, value):
        threshold = self.env["kefu.settings"].get_value("kefu_crd_gm_approval_amount")
        positive = (operator == "=") == bool(value)
        return [("amount", ">" if positive else "<=", threshold)]

    @api.constrains("amount")
    def _check_amount(self):
        for approval in self:
            if approval.amount <= 0:
                raise ValidationError(self.env._("The over-limit amount must be positive."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(self._name) or "/"
            if vals.get("order_id") and not self.env.su:
                # Only for an order the requester may see.
                self.env["sale.order"].browse(vals["order_id"]).check_access("read")
        approvals = super().create(vals_list)
        for approval in approvals:
            approval.order_id.message_post(
                body=self.env._(
                    "Over-limit approval %(name)s requested for %(amount)s: %(reason)s",
                    name=approval.name,
                    amount=approval.amount,
                    reason=approval.reason,
                )
            )
        return approvals

    def _kefu_check_covers_need(self):
        for approval in self:
            policy = approval.partner_id.sudo().kefu_credit_policy_id
            if approval.credit_tier == "D" or policy.prepayment_required:
                # CRD-2: tier D gets no credit; only prepayment releases its orders.
                raise ValidationError(
                    self.env._(
                        "%s gets no credit (prepayment before delivery): an over-limit "
                        "approval cannot replace the prepayment.",
                        approval.partner_id.display_name,
                    )
                )
        for approval in self:
            needed = approval.amount_needed
            if approval.currency_id.compare_amounts(approval.amount, needed) < 0:
                raise ValidationError(
                    self.env._(
                        "The approval %(name)s covers %(amount)s but order %(order)s goes "
                        "%(needed)s over the credit limit.",
                        name=approval.name,
                        amount=approval.amount,
                        order=approval.order_id.name,
                        needed=needed,
                    )
                )

    def _kefu_requester(self):
        return self.requested_by_id

    def action_request(self):
        """Report the over-limit to the approvers (CRD-3)."""
        self._kefu_check_covers_need()
        return self.request_validation()

    def validate_tier(self):
        res = super().validate_tier()
        if self.validation_status == "validated" and self.state == "draft":
            self._kefu_approve()
        return res

    def _kefu_approve(self):
        self._kefu_check_covers_need()
        # validate_tier checked the signer (kefu.approval.mixin).
        self._kefu_protected_write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approved_date": fields.Datetime.now(),
            }
        )
        for approval in self:
            body = self.env._(
                "Over-limit approval %(name)s: %(amount)s over the credit limit approved by "
                "%(user)s for order %(order)s.",
                name=approval.name,
                amount=approval.amount,
                user=self.env.user.name,
                order=approval.order_id.name,
            )
            approval.order_id.message_post(body=body)
            approval.partner_id.message_post(body=body)

    def action_cancel(self):
        self.check_access("write")
        approver = any(self.env.user.has_group(group) for group in APPROVER_GROUPS)
        if not (self.env.su or approver) and self.filtered(
            lambda a: a.requested_by_id != self.env.user
        ):
            raise AccessError(
                self.env._("Only the requester or an approver can cancel an over-limit approval.")
            )
        if self.filtered(lambda a: a.state == "approved" and a.order_id.state == "sale"):
            raise UserError(
                self.env._("An approval used by a confirmed order cannot be cancelled.")
            )
        self._kefu_protected_write({"state": "cancel"})

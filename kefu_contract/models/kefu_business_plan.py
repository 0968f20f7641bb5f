from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .kefu_contract import CUSTOMER_TYPES
from .kefu_contract import SALES_MANAGER_GROUP

PLAN_STATES = [
    ("draft", "Draft"),
    ("review", "Under Review"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("cancel", "Cancelled"),
]
# Written only by the plan's actions and by an approved change request.
PLAN_PROTECTED = (
    "name",
    "user_id",
    "state",
    "version",
    "submitted_on",
    "submitted_by_id",
    "approved_on",
)
# CON-9: what the reviewers approved; after approval it changes only through a
# change request signed by the decision committee.
PLAN_TERMS = (
    "title",
    "partner_id",
    "customer_type",
    "company_id",
    "amount",
    "financial_tools",
    "supply_cycle",
    "collection_terms",
    "content",
    "document",
    "document_name",
)
COMMITTEE_GROUP = "kefu_contract.group_kefu_decision_committee"


class KefuBusinessPlan(models.Model):
    """CON-9: the business plan (业务运作方案) behind a deal, reviewed in tiers by
    customer type and amount (分级会审); once approved it changes only with the
    decision committee's written approval (决策委员会书面签证)."""

    _name = "kefu.business.plan"
    _description = "Business Plan"
    _inherit = ["kefu.protected.mixin", "kefu.approval.mixin"]
    _kefu_request_button = "action_submit"
    _order = "id desc"
    _kefu_protected_fields = PLAN_PROTECTED
    _kefu_create_fields = ("name", "user_id")

    _state_from = ["review"]
    _state_to = ["approved"]
    _cancel_state = "cancel"

    name = fields.Char(string="Reference", default="/", readonly=True, copy=False)
    title = fields.Char(string="Plan Title", required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_company", "=", True)],
    )
    customer_type = fields.Selection(
        CUSTOMER_TYPES,
        required=True,
        default="regular",
        tracking=True,
        help="CON-9: with the amount, decides which reviewers the plan needs.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(required=True, tracking=True)
    # CON-9: what a plan covers (金融工具, 供货周期, 回款方式与周期, 其他约定).
    financial_tools = fields.Text(string="Financial Instruments", tracking=True)
    supply_cycle = fields.Char(tracking=True)
    collection_terms = fields.Text(string="Payment Method and Period", tracking=True)
    content = fields.Text(string="Other Terms", tracking=True)
    document = fields.Binary(string="Plan Document", attachment=True, copy=False)
    document_name = fields.Char(copy=False)
    contract_ids = fields.Many2many(
        "kefu.contract",
        string="Contracts",
        domain="[('partner_id', 'child_of', partner_id)]",
    )
    sale_order_ids = fields.Many2many(
        "sale.order",
        string="Sales Orders",
        domain="[('partner_id', 'child_of', partner_id)]",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Sales Person",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    state = fields.Selection(
        PLAN_STATES, default="draft", required=True, tracking=True, index=True, copy=False
    )
    version = fields.Integer(default=1, readonly=True, copy=False, tracking=True)
    submitted_on = fields.Datetime(readonly=True, copy=False)
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_on = fields.Datetime(readonly=True, copy=False)
    needs_general_manager = fields.Boolean(
        string="Needs the General Manager",
        compute="_compute_needs_general_manager",
        search="_search_needs_general_manager",
    )
    change_ids = fields.One2many("kefu.business.plan.change", "plan_id", string="Change Requests")
    change_count = fields.Integer(compute="_compute_change_count")

    @api.depends("amount", "customer_type")
    def _compute_needs_general_manager(self):
        # CON-9: the same amounts (settings) as the contracts' General Manager tier.
        general, new = self.env["kefu.contract"]._kefu_gm_review_amounts()
        for plan in self:
            threshold = new if plan.customer_type == "new" else general
            plan.needs_general_manager = plan.amount >= threshold

    def _search_needs_general_manager(self, operator, value):
        return self.env["kefu.contract"]._search_needs_general_manager(operator, value)

    @api.depends("change_ids")
    def _compute_change_count(self):
        for plan in self:
            plan.change_count = len(plan.change_ids)

    def _compute_display_name(self):
        for plan in self:
            plan.display_name = f"{plan.name} {plan.title or ''}".strip()

    def _compute_hide_reviews(self):
        for plan in self:
            plan.hide_reviews = not plan.review_ids

    @api.constrains("amount")
    def _check_amount(self):
        for plan in self:
            if plan.amount <= 0:
                raise ValidationError(self.env._("The amount of a business plan must be positive."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.su:
                self.env["kefu.contract"]._kefu_check_sales_person(vals.get("user_id"))
            if not self.env.su or vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(self._name) or "/"
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            late = set(PLAN_TERMS) & set(vals) and self.filtered(lambda p: p.state != "draft")
            if late:
                # CON-9: 已批准的专项方案,不得随意变动.
                raise UserError(
                    self.env._(
                        "Business plan %s is no longer a draft: its terms change only "
                        "through a change request approved by the decision committee.",
                        late[0].display_name,
                    )
                )
        return super().write(vals)

    def unlink(self):
        self.check_access("unlink")
        if not self.env.su and self.filtered(lambda p: p.state not in ("draft", "cancel")):
            raise UserError(self.env._("Only a draft or cancelled business plan can be deleted."))
        return super().unlink()

    def _kefu_requester(self):
        return self.user_id

    def _kefu_requesters(self):
        # Whoever submitted the plan does not review it either (CON-9), nor counts
        # as the signer left for a tier.
        return self.user_id | self.submitted_by_id

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["state", "approved_on"]

    def _get_all_validation_exceptions(self):
        return super()._get_all_validation_exceptions() + ["state", "approved_on"]

    def _get_tier_validation_readonly_domain(self):
        return "state == 'review'"

    def _kefu_check_sales_side(self):
        self.check_access("write")
        if self.env.su or self.env.user.has_group(SALES_MANAGER_GROUP):
            return
        for plan in self:
            if self.env.user not in plan.user_id | plan.create_uid:
                raise UserError(
                    self.env._(
                        "Only the sales person of business plan %s or a sales manager can do this.",
                        plan.display_name,
                    )
                )

    def action_submit(self):
        """CON-9: the plan goes to its review tiers (by customer type and amount)."""
        self._kefu_check_sales_side()
        if self.filtered(lambda p: p.state != "draft"):
            raise UserError(self.env._("Only a draft business plan can be submitted for review."))
        self._kefu_start_review()
        return True

    def _kefu_start_review(self):
        now = fields.Datetime.now()
        self._kefu_protected_write(
            {"state": "review", "submitted_on": now, "submitted_by_id": self.env.uid}
        )
        self.invalidate_recordset()
        if not self.request_validation():
            raise UserError(
                self.env._("No business plan reviewer is configured (tier definitions).")
            )
        self._update_counter({"review_created": True})

    def validate_tier(self):
        self.ensure_one()
        res = super().validate_tier()
        self._kefu_after_signature()
        return res

    def reject_tier(self):
        self.ensure_one()
        res = super().reject_tier()
        self._kefu_after_signature()
        return res

    def _kefu_after_signature(self):
        self.invalidate_recordset()
        for plan in self.filtered(lambda p: p.state == "review"):
            if plan.validation_status == "validated":
                plan._kefu_protected_write(
                    {"state": "approved", "approved_on": fields.Datetime.now()}
                )
                plan.sudo().message_post(
                    body=self.env._(
                        "Business plan %s approved by every reviewer.", plan.display_name
                    ),
                    partner_ids=plan.user_id.partner_id.ids,
                )
            elif plan.validation_status == "rejected":
                plan._kefu_protected_write({"state": "rejected"})

    def restart_validation(self):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "The review of a business plan starts again only by a new submission "
                    "or an approved change."
                )
            )
        return super().restart_validation()

    def action_cancel(self):
        self._kefu_check_sales_side()
        if self.filtered(lambda p: p.state == "approved"):
            raise UserError(
                self.env._("An approved business plan is changed through a change request.")
            )
        self._kefu_protected_write({"state": "cancel"})

    def action_draft(self):
        self._kefu_check_sales_side()
        if self.filtered(lambda p: p.state not in ("rejected", "cancel")):
            raise UserError(
                self.env._("Only a rejected or cancelled business plan goes back to draft.")
            )
        self.review_ids.sudo().unlink()
        self._kefu_protected_write({"state": "draft", "submitted_on": False, "approved_on": False})

    def action_request_change(self):
        """Open a new change request of this approved plan, with its current terms."""
        self.ensure_one()
        self._kefu_check_sales_side()
        if self.state != "approved":
            raise UserError(self.env._("Only an approved business plan is changed by request."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Request"),
            "res_model": "kefu.business.plan.change",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {
                "default_plan_id": self.id,
                "default_new_amount": self.amount,
                "default_new_partner_id": self.partner_id.id,
                "default_new_customer_type": self.customer_type,
                "default_new_content": self.content,
            },
        }

    def action_view_changes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kefu_contract.kefu_business_plan_change_action"
        )
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {"default_plan_id": self.id}
        return action

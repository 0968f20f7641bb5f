from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .kefu_business_plan import COMMITTEE_GROUP
from .kefu_contract import CUSTOMER_TYPES


class KefuBusinessPlanChange(models.Model):
    """CON-9: a change of an approved business plan, applied only once a member of
    the decision committee (not the requester) signs it with the written note
    (书面签证); the plan then goes through its review tiers again (重新办理方案审批手续)."""

    _name = "kefu.business.plan.change"
    _description = "Business Plan Change Request"
    _inherit = ["kefu.protected.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _kefu_protected_fields = (
        "plan_id",
        "state",
        "requested_by_id",
        "requested_on",
        "signed_by_id",
        "signed_on",
        "old_amount",
        "old_partner_id",
        "old_customer_type",
        "old_content",
        "version",
    )
    # Checked in create: one's own name, a plan of one's own (or a sales manager's).
    _kefu_create_fields = ("plan_id", "requested_by_id")

    plan_id = fields.Many2one("kefu.business.plan", required=True, index=True, ondelete="restrict")
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    reason = fields.Text(required=True, tracking=True)
    new_amount = fields.Monetary(string="Amount after Change", tracking=True)
    new_partner_id = fields.Many2one(
        "res.partner",
        string="Customer after Change",
        domain=[("is_company", "=", True)],
        tracking=True,
    )
    new_customer_type = fields.Selection(
        CUSTOMER_TYPES, string="Customer Type after Change", tracking=True
    )
    new_content = fields.Text(string="Other Terms after Change", tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("requested", "Awaiting the Decision Committee"),
            ("approved", "Approved"),
            ("refused", "Refused"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    requested_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True, copy=False
    )
    requested_on = fields.Datetime(readonly=True, copy=False)
    # The written approval (书面签证): who signed, when, his note and document.
    committee_note = fields.Text(string="Written Approval", tracking=True, copy=False)
    committee_document = fields.Binary(string="Signed Approval", attachment=True, copy=False)
    committee_document_name = fields.Char(copy=False)
    signed_by_id = fields.Many2one(
        "res.users", string="Signed By", readonly=True, copy=False, tracking=True
    )
    signed_on = fields.Datetime(readonly=True, copy=False, tracking=True)
    # The plan's values replaced by the change (version history).
    old_amount = fields.Monetary(string="Previous Amount", readonly=True, copy=False)
    old_partner_id = fields.Many2one("res.partner", string="Previous Customer", readonly=True)
    old_customer_type = fields.Selection(
        CUSTOMER_TYPES, string="Previous Customer Type", readonly=True
    )
    old_content = fields.Text(string="Previous Other Terms", readonly=True)
    version = fields.Integer(string="Plan Version", readonly=True, copy=False)

    def _compute_display_name(self):
        for change in self:
            change.display_name = self.env._(
                "%(plan)s change %(id)s", plan=change.plan_id.name or "", id=change.id or ""
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if vals.get("requested_by_id", self.env.uid) != self.env.uid:
                    raise AccessError(self.env._("A change is requested in one's own name."))
                if vals.get("committee_note") or vals.get("committee_document"):
                    raise AccessError(
                        self.env._("Only the decision committee writes its approval.")
                    )
        changes = super().create(vals_list)
        if not self.env.su:
            changes.plan_id._kefu_check_sales_side()
        return changes

    def write(self, vals):
        if not self.env.su:
            self._kefu_refuse(set(self._kefu_protected_fields) & set(vals))
            if {"committee_note", "committee_document", "committee_document_name"} & set(vals):
                if not self.env.user.has_group(COMMITTEE_GROUP):
                    raise AccessError(
                        self.env._("Only the decision committee writes its approval.")
                    )
                if self.filtered(lambda c: c.state != "requested"):
                    raise UserError(
                        self.env._("The written approval is given while the change is requested.")
                    )
            if set(vals) - {"committee_note", "committee_document", "committee_document_name"}:
                if self.filtered(lambda c: c.state != "draft") and not set(vals) <= {
                    "message_main_attachment_id"
                }:
                    raise UserError(
                        self.env._("A change request is edited only while it is a draft.")
                    )
        return super().write(vals)

    def unlink(self):
        if not self.env.su and self.filtered(lambda c: c.state != "draft"):
            raise UserError(self.env._("Only a draft change request can be deleted."))
        return super().unlink()

    def action_request(self):
        """The sales side sends the change to the decision committee."""
        self.plan_id._kefu_check_sales_side()
        for change in self:
            if change.state != "draft" or change.plan_id.state != "approved":
                raise UserError(
                    self.env._("Only a draft change of an approved business plan is requested.")
                )
            pending = change.plan_id.change_ids.filtered(lambda c: c.state == "requested")
            if pending:
                raise UserError(
                    self.env._(
                        "Business plan %s already has a change awaiting the committee.",
                        change.plan_id.display_name,
                    )
                )
        self._kefu_protected_write({"state": "requested", "requested_on": fields.Datetime.now()})
        committee = self.env.ref(COMMITTEE_GROUP).sudo().users
        for change in self:
            change.message_post(
                body=self.env._(
                    "Change of business plan %s awaits the decision committee's written approval.",
                    change.plan_id.display_name,
                ),
                partner_ids=committee.partner_id.ids,
            )

    def _kefu_check_committee(self):
        self.check_access("read")
        if not self.env.user.has_group(COMMITTEE_GROUP):
            raise AccessError(self.env._("Only the decision committee decides on a plan change."))
        for change in self:
            if change.state != "requested":
                raise UserError(self.env._("This change request is not awaiting the committee."))
            # Nobody signs his own request.
            if self.env.user in change.requested_by_id | change.plan_id.user_id:
                raise UserError(self.env._("You cannot approve your own request."))

    def action_approve(self):
        """CON-9: the committee's written approval; the new terms apply and the plan
        goes through its review tiers again."""
        self._kefu_check_committee()
        now = fields.Datetime.now()
        for change in self:
            if not (change.committee_note or "").strip() and not change.committee_document:
                raise UserError(
                    self.env._(
                        "Write the committee's approval (note or signed document) before "
                        "approving the change."
                    )
                )
            plan = change.plan_id
            change._kefu_protected_write(
                {
                    "state": "approved",
                    "signed_by_id": self.env.uid,
                    "signed_on": now,
                    "old_amount": plan.amount,
                    "old_partner_id": plan.partner_id.id,
                    "old_customer_type": plan.customer_type,
                    "old_content": plan.content,
                    "version": plan.version + 1,
                }
            )
            vals = {"version": plan.version + 1}
            if change.new_amount:
                vals["amount"] = change.new_amount
            if change.new_partner_id:
                vals["partner_id"] = change.new_partner_id.id
            if change.new_customer_type:
                vals["customer_type"] = change.new_customer_type
            if change.new_content:
                vals["content"] = change.new_content
            plan.review_ids.sudo().unlink()
            plan._kefu_protected_write(vals)
            plan.message_post(
                body=self.env._(
                    "Change approved in writing by the decision committee (%(user)s): "
                    "version %(version)s goes through the review again.",
                    user=self.env.user.name,
                    version=vals["version"],
                )
            )
            plan.with_user(plan.user_id).sudo()._kefu_start_review()
        return True

    def action_refuse(self):
        self._kefu_check_committee()
        self._kefu_protected_write(
            {"state": "refused", "signed_by_id": self.env.uid, "signed_on": fields.Datetime.now()}
        )

    def action_cancel(self):
        self.plan_id._kefu_check_sales_side()
        if self.filtered(lambda c: c.state not in ("draft", "requested")):
            raise UserError(self.env._("Only an open change request can be cancelled."))
        self._kefu_protected_write({"state": "cancel"})

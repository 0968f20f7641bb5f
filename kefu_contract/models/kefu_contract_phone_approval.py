from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

SUPPORT_GROUP = "kefu_contract.group_kefu_sales_support"


class KefuContractPhoneApproval(models.Model):
    """CON-4: a reviewer travelling on an urgent case confirms by phone; sales
    support approves at that reviewer's level on their behalf. Recording it is the
    approval: the record stays for audit and the confirmer is told the result."""

    _name = "kefu.contract.phone.approval"
    _description = "Contract Phone Approval"
    _rec_name = "contract_id"
    _inherit = ["kefu.protected.mixin", "mail.thread", "mail.activity.mixin", "kefu.input.mixin"]
    _order = "id desc"
    # Issue 12: the record is the audit of a signature given on someone's behalf.
    # Sales support sets what happened at creation (checked in _kefu_check_request);
    # none of it changes afterwards; the result and the confirmer's answer come from
    # the actions. Only the confirmer's feedback note is written directly.
    _kefu_protected_fields = (
        "contract_id",
        "review_id",
        "review_name",
        "confirmer_id",
        "confirmed_on",
        "phone",
        "note",
        "recorded_by_id",
        "result",
        "result_notified_on",
        "feedback",
    )
    _kefu_create_fields = (
        "contract_id",
        "review_id",
        "review_name",
        "confirmer_id",
        "confirmed_on",
        "phone",
        "note",
    )

    contract_id = fields.Many2one(
        "kefu.contract", string="Contract", required=True, index=True, ondelete="cascade"
    )
    review_id = fields.Many2one(
        "tier.review",
        string="Review Level",
        required=True,
        ondelete="restrict",
        domain="[('model', '=', 'kefu.contract'), ('res_id', '=', contract_id), "
        "('status', 'in', ('waiting', 'pending'))]",
    )
    review_name = fields.Char(string="Level", readonly=True)
    confirmer_id = fields.Many2one(
        "res.users",
        string="Confirmed by",
        index=True,
        tracking=True,
        help="The reviewer who confirmed by phone.",
    )
    confirmed_on = fields.Datetime(required=True, default=fields.Datetime.now)
    phone = fields.Char(string="Phone Number", required=True)
    note = fields.Text()
    recorded_by_id = fields.Many2one(
        "res.users", string="Recorded by", default=lambda self: self.env.user, readonly=True
    )
    result = fields.Selection(
        [("approved", "Approved"), ("rejected", "Rejected")],
        string="Final Result",
        readonly=True,
        tracking=True,
    )
    result_notified_on = fields.Datetime(readonly=True)
    feedback = fields.Selection(
        [("waiting", "Waiting"), ("confirmed", "Confirmed"), ("objected", "Objected")],
        string="Confirmer's Feedback",
        default="waiting",
        required=True,
        readonly=True,
        tracking=True,
    )
    feedback_note = fields.Text(string="Feedback Note", tracking=True)
    is_confirmer = fields.Boolean(compute="_compute_is_confirmer")

    @api.depends_context("uid")
    @api.depends("confirmer_id")
    def _compute_is_confirmer(self):
        for approval in self:
            approval.is_confirmer = approval.confirmer_id == self.env.user

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._kefu_check_request(vals)
        approvals = super().create(vals_list)
        for approval in approvals:
            approval._kefu_approve_review()
        return approvals

    def write(self, vals):
        if "feedback_note" in vals and not self.env.su:
            self._kefu_check_confirmer()
        return super().write(vals)

    @api.model
    def _kefu_check_request(self, vals):
        if not self.env.user.has_group(SUPPORT_GROUP):
            raise UserError(self.env._("Only sales support records approvals confirmed by phone."))
        if not vals.get("confirmer_id"):
            raise ValidationError(self.env._("Say who confirmed the approval by phone."))
        if not (vals.get("phone") or "").strip():
            raise ValidationError(self.env._("Give the phone number the confirmation came from."))
        contract = self.env["kefu.contract"].browse(vals.get("contract_id"))
        review = self.env["tier.review"].browse(vals.get("review_id"))
        confirmer = self.env["res.users"].browse(vals["confirmer_id"])
        if (
            contract.state != "review"
            or review.res_id != contract.id
            or review.model != (contract._name)
        ):
            raise UserError(self.env._("Choose an open review level of a contract under review."))
        if review.status not in ("waiting", "pending") or not review.can_review:
            raise UserError(self.env._("This review level is not open for approval yet."))
        requesters = contract._kefu_requesters()
        if self.env.user in requesters or confirmer in requesters:
            raise UserError(self.env._("You cannot approve your own request."))
        if confirmer not in review.reviewer_ids:
            raise ValidationError(
                self.env._(
                    "%(user)s is not a reviewer of %(level)s: only that level's reviewer can "
                    "confirm by phone.",
                    user=confirmer.name,
                    level=review.name,
                )
            )
        # CRD-9: the Finance level is signed only with Finance's credit opinion, by
        # phone as in person.
        contract._kefu_check_opinions(review)
        if contract.review_ids.filtered(
            lambda r: r.status == "approved" and r.done_by == confirmer
        ):
            raise UserError(
                self.env._(
                    "%s has already signed this contract: the next signature must come "
                    "from someone else.",
                    confirmer.name,
                )
            )
        # One person, one tier, by phone as in person (kefu.approval.mixin).
        error = contract._kefu_staffing_error(review, user=confirmer)
        if error:
            raise UserError(error)
        confirmed_on = fields.Datetime.to_datetime(vals.get("confirmed_on"))
        if confirmed_on and confirmed_on > fields.Datetime.now():
            raise ValidationError(self.env._("The phone confirmation cannot be in the future."))
        vals["review_name"] = review.name

    def _kefu_approve_review(self):
        self.ensure_one()
        contract = self.contract_id
        # Checked above: sales support signs the confirmer's level in their name.
        self.review_id.sudo().write(
            {
                "status": "approved",
                "done_by": self.confirmer_id.id,
                "reviewed_date": fields.Datetime.now(),
                "kefu_by_phone": True,
                "comment": self.env._("Confirmed by phone (%s)", self.phone),
            }
        )
        contract.message_post(
            body=self.env._(
                "%(level)s approved by %(recorder)s after phone confirmation by %(confirmer)s "
                "(%(phone)s, %(when)s).",
                level=self.review_name,
                recorder=self.recorded_by_id.name,
                confirmer=self.confirmer_id.name,
                phone=self.phone,
                when=self.confirmed_on,
            ),
        )
        contract._update_counter({"review_deleted": True})
        contract._kefu_after_signature()

    def _kefu_notify_result(self, result):
        """CON-4: tell each phone confirmer the final result; they confirm or object."""
        label = dict(self._fields["result"]._description_selection(self.env))[result]
        for approval in self.sudo():
            approval._kefu_protected_write(
                {"result": result, "result_notified_on": fields.Datetime.now()}
            )
            approval.message_post(
                body=self.env._(
                    "Final result of contract %(contract)s: %(result)s. Please confirm your "
                    "phone approval or object.",
                    contract=approval.contract_id.display_name,
                    result=label,
                ),
                partner_ids=approval.confirmer_id.partner_id.ids,
            )
            approval.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Confirm your phone approval"),
                user_id=approval.confirmer_id.id,
            )

    def _kefu_check_confirmer(self):
        for approval in self:
            if approval.confirmer_id != self.env.user:
                raise UserError(self.env._("Only the person who confirmed by phone can answer."))
            if approval.feedback != "waiting":
                raise UserError(self.env._("This phone approval has already been answered."))

    def action_confirm(self):
        self._kefu_check_confirmer()
        self._kefu_protected_write({"feedback": "confirmed"})
        self.sudo().activity_feedback(["mail.mail_activity_data_todo"])

    def action_object(self):
        self._kefu_check_confirmer()
        for approval in self:
            if not (approval.feedback_note or "").strip():
                raise UserError(self.env._("Say why you object in the feedback note."))
        self._kefu_protected_write({"feedback": "objected"})
        self.sudo().activity_feedback(["mail.mail_activity_data_todo"])
        managers = self.env["kefu.contract"]._kefu_cs_managers()
        for approval in self.sudo():
            approval.contract_id.message_post(
                body=self.env._(
                    "%(user)s objects to the approval given on their behalf by phone: %(note)s",
                    user=approval.confirmer_id.name,
                    note=approval.feedback_note,
                ),
                partner_ids=(managers | approval.recorded_by_id).partner_id.ids,
            )

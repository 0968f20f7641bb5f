from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_datetime

from odoo.addons.kefu_credit.models.kefu_credit_policy import TIERS
from odoo.addons.kefu_management.models.base.kefu_translate import kefu_cron_lang

STATES = [
    ("draft", "Draft"),
    ("review", "Under Review"),
    ("approved", "Approved"),
    ("signed", "Signed"),
    ("custody", "In Custody"),
    ("closed", "Closed"),
    ("rejected", "Rejected"),
    ("cancel", "Cancelled"),
]
CUSTOMER_TYPES = [
    ("new", "New Customer"),
    ("regular", "Regular Customer"),
    ("key", "Key Account"),
    ("distributor", "Distributor"),
]
# Written by the review itself or by its reviewers while the review is open.
REVIEW_FIELDS = [
    "state",
    "approved_on",
    "rejected_on",
    "review_hours",
    "finance_review_hours",
    "legal_review_hours",
    "review_overdue",
    "cs_credit_opinion",
    "finance_credit_opinion",
    "extra_conditions",
]
CS_GROUP = "kefu_management.group_kefu_agent"
FINANCE_GROUP = "account.group_account_manager"
SALES_MANAGER_GROUP = "sales_team.group_sale_salesman_all_leads"
# Issue 12: written only by the contract's actions (and crons), after they checked
# the acting user: the state, the review's times and flags (CON-3 on-time KPI), the
# credit position taken at submission (CRD-9), custody dates and flags (CON-6).
PROTECTED_FIELDS = (
    "name",
    "user_id",
    "state",
    "submitted_on",
    "submitted_by_id",
    "approved_on",
    "rejected_on",
    "review_hours",
    "finance_review_hours",
    "legal_review_hours",
    "review_overdue",
    "credit_tier",
    "credit_limit",
    "credit_used",
    "credit_suspended",
    "custody_due",
    "custody_date",
    "custody_late",
    "delivery_flagged_on",
)
# What the reviewers saw is what gets signed (CON-3, CON-9, CRD-9): the terms change
# only in draft, the opinions only until the review ends, the delivery period and
# the signature only until the contract is signed.
TERMS = (
    "title",
    "partner_id",
    "customer_type",
    "lead_id",
    "company_id",
    "amount",
    "payment_term_id",
    "licence_number",
    "licence_valid_until",
    "reputation",
    "recent_results",
    "qualifications",
)
EDITABLE_IN = dict.fromkeys(TERMS, ("draft",))
EDITABLE_IN.update(
    dict.fromkeys(
        ("cs_credit_opinion", "finance_credit_opinion", "extra_conditions"), ("draft", "review")
    )
)
EDITABLE_IN.update(
    dict.fromkeys(
        (
            "delivery_date_start",
            "delivery_date_end",
            "date_signed",
            "date_signed_customer",
            "signed_document",
            "signed_document_name",
        ),
        ("draft", "review", "approved", "rejected"),
    )
)


class KefuContract(models.Model):
    """CON-1: every outgoing sales contract, reviewed by Finance and Legal (CON-3),
    signed, kept in CS custody (CON-6, CON-7) and supervised until delivered (CON-5)."""

    _name = "kefu.contract"
    _description = "Sales Contract"
    # The guard first: a forged state is refused before tier validation looks at it.
    _inherit = ["kefu.protected.mixin", "kefu.approval.mixin"]
    _kefu_request_button = "action_submit"
    _order = "id desc"
    _kefu_protected_fields = PROTECTED_FIELDS
    # Checked in create: the reference comes from the sequence, the sales person is
    # the creator unless a sales manager assigns the contract.
    _kefu_create_fields = ("name", "user_id")

    _state_from = ["review"]
    _state_to = ["approved"]
    _cancel_state = "cancel"

    name = fields.Char(string="Reference", default="/", readonly=True, copy=False)
    title = fields.Char(string="Subject", required=True, tracking=True)
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
        help="CON-9: with the amount, decides which reviewers the contract needs.",
    )
    lead_id = fields.Many2one("crm.lead", string="Opportunity", index=True)
    sale_order_ids = fields.Many2many(
        "sale.order",
        string="Sales Orders",
        domain="[('partner_id', 'child_of', partner_id)]",
    )
    sale_order_refs = fields.Char(
        string="Order References", compute="_compute_sale_order_refs", store=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(required=True, tracking=True)
    payment_term_id = fields.Many2one("account.payment.term", string="Payment Terms")
    delivery_date_start = fields.Date(string="Delivery From", tracking=True)
    delivery_date_end = fields.Date(string="Delivery Deadline", tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Sales Person",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, index=True, copy=False
    )
    # CON-2: due diligence on the counterparty before negotiation.
    licence_number = fields.Char(string="Business Licence No.")
    licence_valid_until = fields.Date(string="Licence Valid Until")
    reputation = fields.Text()
    recent_results = fields.Text()
    qualifications = fields.Text()
    # CRD-9: the review carries the credit position and the CS and Finance opinions.
    credit_tier = fields.Selection(TIERS, readonly=True, copy=False)
    credit_limit = fields.Monetary(readonly=True, copy=False)
    credit_used = fields.Monetary(readonly=True, copy=False)
    credit_suspended = fields.Boolean(string="Supply Suspended", readonly=True, copy=False)
    cs_credit_opinion = fields.Text(string="CS Opinion on Credit", tracking=True, copy=False)
    finance_credit_opinion = fields.Text(
        string="Finance Opinion on Credit", tracking=True, copy=False
    )
    extra_conditions = fields.Text(
        string="Extra Conditions", tracking=True, help="Guarantees or other conditions (CRD-9)."
    )
    # Review times for the ledger (CON-8).
    submitted_on = fields.Datetime(readonly=True, copy=False)
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_on = fields.Datetime(readonly=True, copy=False)
    rejected_on = fields.Datetime(readonly=True, copy=False)
    review_hours = fields.Float(string="Review Time (working hours)", readonly=True, copy=False)
    finance_review_hours = fields.Float(
        string="Finance Review (working hours)", readonly=True, copy=False
    )
    legal_review_hours = fields.Float(
        string="Legal Review (working hours)", readonly=True, copy=False
    )
    review_overdue = fields.Boolean(readonly=True, copy=False, index=True)
    # RPT-5, CON-3: 100 when every reviewer finished within the working day, else 0;
    # averaged over reviewed contracts it is the contract-review on-time rate.
    review_on_time_rate = fields.Float(
        string="Review On-time Rate (%)",
        compute="_compute_review_on_time_rate",
        store=True,
        aggregator="avg",
    )
    # CON-9: the tier definition of the General Manager's review tests this field,
    # so its amounts are the settings of the day the contract is submitted.
    needs_general_manager = fields.Boolean(
        string="Needs the General Manager",
        compute="_compute_needs_general_manager",
        search="_search_needs_general_manager",
    )
    phone_approval_ids = fields.One2many(
        "kefu.contract.phone.approval", "contract_id", string="Phone Approvals"
    )
    phone_approval_count = fields.Integer(compute="_compute_phone_approval_count")
    can_phone_approve = fields.Boolean(compute="_compute_can_phone_approve")

    @api.depends("sale_order_ids.name")
    def _compute_sale_order_refs(self):
        for contract in self:
            contract.sale_order_refs = ", ".join(contract.sale_order_ids.sudo().mapped("name"))

    @api.depends("phone_approval_ids")
    def _compute_phone_approval_count(self):
        for contract in self:
            contract.phone_approval_count = len(contract.phone_approval_ids)

    @api.depends_context("uid")
    @api.depends("state")
    def _compute_can_phone_approve(self):
        support = self.env.user.has_group("kefu_contract.group_kefu_sales_support")
        for contract in self:
            contract.can_phone_approve = support and contract.state == "review"

    @api.depends("review_overdue")
    def _compute_review_on_time_rate(self):
        for contract in self:
            contract.review_on_time_rate = 0.0 if contract.review_overdue else 100.0

    @api.depends("amount", "customer_type")
    def _compute_needs_general_manager(self):
        general, new = self._kefu_gm_review_amounts()
        for contract in self:
            threshold = new if contract.customer_type == "new" else general
            contract.needs_general_manager = contract.amount >= threshold

    def _search_needs_general_manager(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(
                self.env._("Search “Needs the General Manager” only with “is” or “is not”.")
            )
        general, new = self._kefu_gm_review_amounts()
        domain = [
            "|",
            ("amount", ">=", general),
            "&",
            ("customer_type", "=", "new"),
            ("amount", ">=", new),
        ]
        return domain if (operator == "=") == bool(value) else ["!", *domain]

    @api.model
    def _kefu_gm_review_amounts(self):
        settings = self.env["kefu.settings"]
        return (
            settings.get_value("kefu_con_gm_review_amount"),
            settings.get_value("kefu_con_gm_review_amount_new"),
        )

    def _compute_hide_reviews(self):
        # The ledger keeps showing who reviewed after the review is over.
        for contract in self:
            contract.hide_reviews = not contract.review_ids

    @api.constrains("delivery_date_start", "delivery_date_end")
    def _check_delivery_period(self):
        for contract in self:
            start, end = contract.delivery_date_start, contract.delivery_date_end
            if start and end and end < start:
                raise ValidationError(
                    self.env._("The delivery period of %s ends before it starts.", contract.title)
                )

    @api.constrains("amount")
    def _check_amount(self):
        for contract in self:
            if contract.amount <= 0:
                raise ValidationError(self.env._("The contract amount must be positive."))

    @api.constrains("date_signed", "state")
    def _check_signature_after_approval(self):
        for contract in self:
            if contract.date_signed and contract.state in ("draft", "review", "rejected"):
                raise ValidationError(
                    self.env._(
                        "Contract %s cannot carry a signature before it is approved.",
                        contract.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.su:
                self._kefu_check_sales_person(vals.get("user_id"))
            if not self.env.su or vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(self._name) or "/"
        return super().create(vals_list)

    @api.model
    def _kefu_check_sales_person(self, user_id):
        # The sales person is the requester no reviewer may be (kefu.approval.mixin).
        if user_id and user_id != self.env.uid and not self._kefu_is(SALES_MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only a sales manager records a contract in another sales person's name."
                )
            )

    def write(self, vals):
        if not self.env.su:
            self._kefu_check_editable(vals)
        # CRD-9: each department writes its own opinion.
        if "cs_credit_opinion" in vals and not self._kefu_is(CS_GROUP):
            raise AccessError(self.env._("Only Customer Service gives the CS opinion on credit."))
        if "finance_credit_opinion" in vals and not self._kefu_is(FINANCE_GROUP):
            raise AccessError(self.env._("Only Finance gives the Finance opinion on credit."))
        return super().write(vals)

    def unlink(self):
        # CON-8: the ledger keeps every contract that went through a review or was
        # signed, with its phone approvals (CON-4 audit).
        self.check_access("unlink")
        if not self.env.su and self.filtered(
            lambda c: c.state not in ("draft", "cancel") or c.phone_approval_ids
        ):
            raise UserError(
                self.env._(
                    "Only a draft or cancelled contract without phone approvals can be deleted."
                )
            )
        return super().unlink()

    def _kefu_check_editable(self, vals):
        states = dict(self._fields["state"]._description_selection(self.env))
        for name in vals:
            allowed = EDITABLE_IN.get(name)
            late = allowed and self.filtered(lambda c, allowed=allowed: c.state not in allowed)
            if late:
                raise UserError(
                    self.env._(
                        "%(field)s of contract %(contract)s can be changed only while it is "
                        "%(states)s.",
                        field=self._fields[name]._description_string(self.env),
                        contract=late[0].display_name,
                        states=", ".join(states[state] for state in allowed),
                    )
                )

    def _kefu_check_sales_side(self):
        """The sales person (or the creator), or a sales manager."""
        self.check_access("write")
        if self._kefu_is(SALES_MANAGER_GROUP):
            return
        for contract in self:
            if self.env.user not in contract.user_id | contract.create_uid:
                raise UserError(
                    self.env._(
                        "Only the sales person of contract %s or a sales manager can do this.",
                        contract.display_name,
                    )
                )

    def _compute_display_name(self):
        for contract in self:
            contract.display_name = f"{contract.name} {contract.title or ''}".strip()

    def _kefu_is(self, group):
        return self.env.su or self.env.user.has_group(group)

    def _kefu_requester(self):
        return self.user_id

    def _kefu_requesters(self):
        # Whoever submitted the contract does not review it either (CON-3), nor
        # counts as the signer left for a tier.
        return self.user_id | self.submitted_by_id

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + REVIEW_FIELDS

    def _get_all_validation_exceptions(self):
        return super()._get_all_validation_exceptions() + REVIEW_FIELDS

    def _get_tier_validation_readonly_domain(self):
        return "state == 'review'"

    def action_submit(self):
        """Sales submit the contract for review (CON-2, CON-3, CRD-9)."""
        self._kefu_check_sales_side()
        today = fields.Date.context_today(self)
        for contract in self:
            if contract.state != "draft":
                raise UserError(self.env._("Only a draft contract can be submitted for review."))
            if not contract.licence_number or not contract.licence_valid_until:
                raise UserError(
                    self.env._(
                        "Record the customer's business licence number and its validity "
                        "(due diligence) before submitting %s.",
                        contract.display_name,
                    )
                )
            if contract.licence_valid_until < today:
                raise UserError(
                    self.env._(
                        "The business licence of %(customer)s expired on %(date)s: the "
                        "contract cannot be submitted for review.",
                        customer=contract.partner_id.display_name,
                        date=contract.licence_valid_until,
                    )
                )
        now = fields.Datetime.now()
        for contract in self:
            contract._kefu_protected_write(
                dict(
                    contract._kefu_credit_snapshot(),
                    state="review",
                    submitted_on=now,
                    submitted_by_id=self.env.uid,
                )
            )
        self.invalidate_recordset()
        reviews = self.request_validation()
        if not reviews:
            raise UserError(self.env._("No contract reviewer is configured (tier definitions)."))
        # The reviews reach their reviewers now (pending), not at the first signature.
        self._update_counter({"review_created": True})
        self._kefu_stamp_reviews(now)
        return True

    def _kefu_credit_snapshot(self):
        """CRD-9: the credit position at submission, with the last investigation's
        extra conditions (read as the system: the review must show them)."""
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id.sudo()
        vals = {
            "credit_tier": partner.kefu_credit_tier,
            "credit_limit": partner.credit_limit,
            "credit_used": partner.kefu_credit_used,
            "credit_suspended": partner.kefu_credit_suspended,
        }
        investigation = (
            self.env["kefu.credit.investigation"]
            .sudo()
            .search(
                [("partner_id", "=", partner.id), ("state", "=", "done")],
                order="date_done desc, id desc",
                limit=1,
            )
        )
        if investigation.extra_conditions and not self.extra_conditions:
            vals["extra_conditions"] = investigation.extra_conditions
        return vals

    def _kefu_stamp_reviews(self, now=None):
        now = now or fields.Datetime.now()
        self.review_ids.invalidate_recordset(["status"])
        reached = self.review_ids.filtered(
            lambda r: r.status == "pending" and not r.kefu_reached_on and r.can_review
        )
        reached._kefu_stamp(now)

    def restart_validation(self):
        # CON-3: a review starts again only by a rejection and a new submission; a
        # restart would drop the signatures, deadlines and overdue flags given so far.
        if not self.env.su:
            raise UserError(
                self.env._(
                    "The review of a contract starts again only after a rejection, by "
                    "submitting it again."
                )
            )
        return super().restart_validation()

    def _kefu_signing_reviews(self, user):
        # One signature per click, the tier the mixin picks: someone in both Finance
        # and Legal signs the one his signature leaves staffed (CON-3: two distinct
        # reviewers); the mixin then refuses the second.
        self.ensure_one()
        return self.with_user(user)._kefu_signable_review(False).with_env(self.env)

    def _kefu_check_opinions(self, reviews):
        # CRD-9: Finance and Customer Service each sign only with their opinion on
        # the customer's credit.
        for contract in self:
            finance = reviews.filtered(lambda r: r.kefu_contract_role == "finance")
            if finance and not (contract.finance_credit_opinion or "").strip():
                raise UserError(
                    self.env._(
                        "Give Finance's opinion on the customer's credit tier and limit "
                        "before approving %s.",
                        contract.display_name,
                    )
                )
            cs = reviews.filtered(lambda r: r.kefu_contract_role == "cs")
            if cs and not (contract.cs_credit_opinion or "").strip():
                raise UserError(
                    self.env._(
                        "Give Customer Service's opinion on the customer's credit before "
                        "approving %s.",
                        contract.display_name,
                    )
                )

    def validate_tier(self):
        self.ensure_one()
        self._kefu_check_opinions(self._kefu_signing_reviews(self.env.user))
        res = super().validate_tier()
        self._kefu_after_signature()
        return res

    def reject_tier(self):
        self.ensure_one()
        res = super().reject_tier()
        self._kefu_after_signature()
        return res

    def _kefu_after_signature(self):
        """Stamp the reviews that now reach their reviewer; finish when all signed."""
        self.invalidate_recordset()
        for contract in self.filtered(lambda c: c.state == "review"):
            # CON-3: a signature after its deadline makes the review late, even when
            # the overdue cron did not run in between (on-time KPI).
            if not contract.review_overdue and contract.review_ids.filtered("kefu_late"):
                contract._kefu_protected_write({"review_overdue": True})
            if contract.validation_status == "validated":
                contract._kefu_finish("approved")
            elif contract.validation_status == "rejected":
                contract._kefu_finish("rejected")
            else:
                contract._kefu_stamp_reviews()

    def _kefu_finish(self, result):
        self.ensure_one()
        if result == "approved" and not (self.cs_credit_opinion or "").strip():
            raise UserError(
                self.env._(
                    "Customer Service has not given its opinion on the customer's credit: "
                    "%s cannot be approved yet.",
                    self.display_name,
                )
            )
        now = fields.Datetime.now()
        vals = dict(self._kefu_review_durations(now), state=result)
        vals["approved_on" if result == "approved" else "rejected_on"] = now
        # Reached only from a checked signature (validate_tier, reject_tier, a phone
        # approval): the reviews themselves decided the result.
        self._kefu_protected_write(vals)
        body = (
            self.env._("Contract %s approved by every reviewer.", self.display_name)
            if result == "approved"
            else self.env._("Contract %s rejected in review.", self.display_name)
        )
        self.sudo().message_post(body=body, partner_ids=self.user_id.partner_id.ids)
        # CON-4: whoever confirmed by phone learns the final result.
        # (read as the system: the last reviewer need not see the phone approvals).
        self.sudo().phone_approval_ids._kefu_notify_result(result)

    def _kefu_review_durations(self, end):
        working_time = self.env["kefu.working.time"]
        reviews = self.review_ids.filtered("reviewed_date")

        def hours(role):
            return sum(
                reviews.filtered(lambda r: r.kefu_contract_role == role).mapped(
                    "kefu_working_hours"
                )
            )

        return {
            "review_hours": working_time.working_hours_between(self.submitted_on, end),
            "finance_review_hours": hours("finance"),
            "legal_review_hours": hours("legal"),
        }

    def action_cancel(self):
        self._kefu_check_sales_side()
        if self.filtered(lambda c: c.state not in ("draft", "review", "approved", "rejected")):
            raise UserError(self.env._("A signed contract cannot be cancelled."))
        self._kefu_protected_write({"state": "cancel"})

    def action_draft(self):
        self._kefu_check_sales_side()
        for contract in self:
            if contract.state not in ("rejected", "cancel"):
                raise UserError(
                    self.env._("Only a rejected or cancelled contract goes back to draft.")
                )
        # A new submission starts a new review; the chatter keeps the old one.
        self.review_ids.sudo().unlink()
        self._kefu_protected_write(
            {
                "state": "draft",
                "submitted_on": False,
                "approved_on": False,
                "rejected_on": False,
                "review_overdue": False,
            }
        )

    def action_open_phone_approval(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Phone Approval"),
            "res_model": "kefu.contract.phone.approval",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_contract_id": self.id},
        }

    def action_view_phone_approvals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kefu_contract.kefu_contract_phone_approval_action"
        )
        action["domain"] = [("contract_id", "=", self.id)]
        return action

    def _kefu_cs_managers(self):
        return self.env.ref("kefu_management.group_kefu_manager").sudo().users

    def _kefu_note_deadline(self, review):
        """CON-3: a review's deadline as a shared chatter note prints it: local time
        on the company's working calendar, in the language of the environment (the
        company's in the crons), never the stored UTC value."""
        return format_datetime(
            self.env, review.kefu_deadline, tz=review._kefu_tz(), dt_format="short"
        )

    @api.model
    @kefu_cron_lang
    def _cron_remind_reviews(self, batch_size=200):
        """CON-3: remind the reviewers whose working day is nearly over."""

        def remind(reviews):
            # Issue 17: the batch's notes in bulk.
            self.env["kefu.cron.batch"].log_notes(
                [
                    (
                        self.browse(review.res_id),
                        self.env._(
                            "Reminder: the review %(review)s of contract %(contract)s is due "
                            "by %(deadline)s.",
                            review=review.name,
                            contract=self.browse(review.res_id).display_name,
                            deadline=self._kefu_note_deadline(review),
                        ),
                        review.reviewer_ids.partner_id,
                    )
                    for review in reviews
                ]
            )
            reviews.write({"kefu_reminded": True})

        return self.env["kefu.cron.batch"].run(
            "tier.review",
            [
                ("model", "=", self._name),
                ("status", "=", "pending"),
                ("kefu_reminded", "=", False),
                ("kefu_remind_at", "<=", fields.Datetime.now()),
            ],
            remind,
            batch_size,
        )

    @api.model
    @kefu_cron_lang
    def _cron_flag_overdue_reviews(self, batch_size=200):
        """CON-3: a review past its working day is flagged to the CS Manager."""
        managers = self._kefu_cs_managers()

        def flag(reviews):
            # Issue 17: one write and the batch's notes in bulk.
            self.browse(reviews.mapped("res_id"))._kefu_protected_write({"review_overdue": True})
            self.env["kefu.cron.batch"].log_notes(
                [
                    (
                        self.browse(review.res_id),
                        self.env._(
                            "The review %(review)s of contract %(contract)s is overdue "
                            "(due %(deadline)s).",
                            review=review.name,
                            contract=self.browse(review.res_id).display_name,
                            deadline=self._kefu_note_deadline(review),
                        ),
                        managers.partner_id,
                    )
                    for review in reviews
                ]
            )
            reviews.write({"kefu_overdue": True})

        return self.env["kefu.cron.batch"].run(
            "tier.review",
            [
                ("model", "=", self._name),
                ("status", "=", "pending"),
                ("kefu_overdue", "=", False),
                ("kefu_deadline", "<=", fields.Datetime.now()),
            ],
            flag,
            batch_size,
        )

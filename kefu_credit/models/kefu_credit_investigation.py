from dateutil.relativedelta import relativedelta
from psycopg2 import errors as pgerrors

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, mute_logger

from odoo.addons.kefu_management.models.base.kefu_translate import kefu_cron_lang
from odoo.addons.kefu_management.models.base.kefu_translate import kefu_person_env

from .kefu_credit_policy import TIERS

# CRD-5: the fixed sections of the Credit Investigation Report (facts only).
REPORT_SECTIONS = (
    "section_identity",
    "section_operations",
    "section_finance",
    "section_payment",
    "section_bank",
    "section_legal",
    "section_other",
)
OPEN_STATES = ("draft", "evaluation")
OPEN_PERIODIC_INDEX = "kefu_credit_investigation_open_periodic_uniq"
CREDIT_CONTROL_GROUP = "kefu_credit.group_kefu_credit_control"
# CRD-4: Finance evaluates (the credit group holds Finance's managers).
FINANCE_GROUPS = ("account.group_account_invoice", CREDIT_CONTROL_GROUP)
FINANCE_FIELDS = ("finance_evaluation", "proposed_tier", "proposed_limit", "extra_conditions")
# The facts sales collected: fixed once they went to Finance.
FINDING_FIELDS = ("partner_id", "kind", "channel", "date_request", *REPORT_SECTIONS)


class KefuCreditInvestigation(models.Model):
    """CRD-4 / CRD-5 / CRD-6: a credit investigation requested by sales,
    evaluated by Finance, approved by the credit group."""

    _name = "kefu.credit.investigation"
    _description = "Credit Investigation"
    # The protected mixin first: its guard runs before tier validation's write.
    _inherit = ["kefu.protected.mixin", "kefu.approval.mixin"]
    _kefu_request_button = "action_request_approval"
    _order = "date_due desc, id desc"

    # State, people and deadline change only through the actions; the sales person
    # and (for the credit group) the due date may be given at creation.
    _kefu_protected_fields = (
        "state",
        "requested_by_id",
        "user_id",
        "finance_user_id",
        "date_due",
        "date_done",
    )
    _kefu_create_fields = ("user_id", "date_due")

    _state_from = ["evaluation"]
    _state_to = ["done"]
    _cancel_state = "cancel"

    name = fields.Char(default="/", readonly=True, copy=False)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        domain=[("is_company", "=", True)],
        tracking=True,
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    kind = fields.Selection(
        [("initial", "Initial"), ("periodic", "Periodic"), ("special", "Special")],
        required=True,
        default="initial",
    )
    state = fields.Selection(
        [
            ("draft", "Investigating"),
            ("evaluation", "Finance Evaluation"),
            ("done", "Approved"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    requested_by_id = fields.Many2one(
        "res.users", string="Requested By", default=lambda self: self.env.user, readonly=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Sales Person",
        default=lambda self: self.env.user,
        tracking=True,
        help="Carries out the investigation.",
    )
    channel = fields.Selection(
        [
            ("bank", "Bank"),
            ("body", "Customer or Industry Body"),
            ("internal", "Internal Enquiry"),
            ("visit", "Field Visit"),
        ],
        tracking=True,
    )
    date_request = fields.Date(
        string="Requested On", default=fields.Date.context_today, required=True
    )
    date_due = fields.Date(string="Due Date", tracking=True)
    date_done = fields.Date(string="Approved On", readonly=True, copy=False)
    current_tier = fields.Selection(related="partner_id.kefu_credit_tier", string="Current Tier")
    section_identity = fields.Text(string="1. Registration and Ownership")
    section_operations = fields.Text(string="2. Business and Operations")
    section_finance = fields.Text(string="3. Financial Position")
    section_payment = fields.Text(string="4. Payment Record with Us")
    section_bank = fields.Text(string="5. Bank and Credit Records")
    section_legal = fields.Text(string="6. Legal Disputes and Guarantees")
    section_other = fields.Text(string="7. Other Facts")
    finance_evaluation = fields.Text(tracking=True)
    finance_user_id = fields.Many2one("res.users", string="Evaluated By", readonly=True, copy=False)
    proposed_tier = fields.Selection(TIERS, tracking=True)
    proposed_limit = fields.Float(
        tracking=True,
        help="Leave empty to apply the limit computed by the proposed tier's policy.",
    )
    extra_conditions = fields.Text(
        help="CRD-9: guarantees or other conditions set by this investigation."
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")

    _sql_constraints = [
        (
            "proposed_limit_positive",
            "CHECK(proposed_limit >= 0)",
            "The proposed credit limit cannot be negative.",
        ),
    ]

    def init(self):
        # CRD-6: one open periodic investigation per customer, even with two workers.
        self.env.cr.execute(
            SQL(
                """CREATE UNIQUE INDEX IF NOT EXISTS %s
                   ON kefu_credit_investigation (partner_id)
                   WHERE kind = 'periodic' AND state IN ('draft', 'evaluation')""",
                SQL.identifier(OPEN_PERIODIC_INDEX),
            )
        )

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for investigation in self:
            investigation.is_overdue = (
                investigation.state in OPEN_STATES
                and investigation.date_due
                and investigation.date_due < today
            )

    def _search_is_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        domain = [("state", "in", OPEN_STATES), ("date_due", "<", today)]
        if (operator == "=") == bool(value):
            return domain
        return ["!", "&", *domain]

    @api.constrains("proposed_tier", "proposed_limit")
    def _check_proposal(self):
        for investigation in self:
            if investigation.proposed_limit < 0:
                raise ValidationError(self.env._("The proposed credit limit cannot be negative."))
            if investigation.proposed_tier == "D" and investigation.proposed_limit > 0:
                raise ValidationError(self.env._("Credit tier D gets no credit: propose no limit."))

    @api.model_create_multi
    def create(self, vals_list):
        working_time = self.env["kefu.working.time"]
        days = self.env["kefu.settings"].get_value("kefu_crd_investigation_days")
        for vals in vals_list:
            if not self.env.su:
                if any(vals.get(name) for name in FINANCE_FIELDS):
                    self._kefu_check_finance()
                if vals.get("date_due") and not self._kefu_is_credit_control():
                    raise AccessError(
                        self.env._(
                            "The due date of a credit investigation follows from the "
                            "settings' working days; only the credit control group sets "
                            "another one."
                        )
                    )
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(self._name) or "/"
            if not vals.get("date_due"):
                # CRD-4: the investigation is due in working days.
                today = fields.Date.context_today(self)
                vals["date_due"] = working_time.add_working_dates(today, days)
        investigations = super().create(vals_list)
        investigations._kefu_schedule_activity()
        return investigations

    def write(self, vals):
        if not self.env.su:
            if set(FINANCE_FIELDS) & set(vals):
                self._kefu_check_finance()
                if self.filtered(lambda i: i.state != "evaluation"):
                    raise UserError(
                        self.env._(
                            "Finance evaluates a credit investigation while it is with "
                            "Finance, after sales sent it."
                        )
                    )
            if set(FINDING_FIELDS) & set(vals) and self.filtered(lambda i: i.state != "draft"):
                raise UserError(
                    self.env._(
                        "The findings of a credit investigation change only while it is in "
                        "progress, before it goes to Finance."
                    )
                )
        return super().write(vals)

    def _kefu_is_credit_control(self):
        return self.env.su or self.env.user.has_group(CREDIT_CONTROL_GROUP)

    def _kefu_check_finance(self):
        if self.env.su or any(self.env.user.has_group(group) for group in FINANCE_GROUPS):
            return
        raise AccessError(
            self.env._(
                "Only Finance evaluates a credit investigation and proposes its tier and "
                "limit (CRD-4)."
            )
        )

    def _kefu_check_sales_side(self):
        """The requester, the sales person carrying it out, or the credit group."""
        self.check_access("write")
        if self._kefu_is_credit_control():
            return
        for investigation in self:
            if self.env.user not in investigation.requested_by_id | investigation.user_id:
                raise AccessError(
                    self.env._(
                        "Only the requester, the sales person of investigation %(name)s or "
                        "the credit control group can do this.",
                        name=investigation.name,
                    )
                )

    def _kefu_schedule_activity(self):
        if not self.env.context.get("kefu_cron_bulk"):
            for investigation in self:
                user = investigation.user_id or self.env.user
                investigation.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=investigation.date_due,
                    summary=kefu_person_env(self.env, user)._(
                        "Credit investigation of %s", investigation.partner_id.display_name
                    ),
                    user_id=user.id,
                )
            return
        # Issue 17: the activities of the periodic cron's batch in one create.
        todo = self.env.ref("mail.mail_activity_data_todo").id
        values = {}
        for investigation in self:
            user = investigation.user_id or self.env.user
            values[investigation.id] = {
                "activity_type_id": todo,
                "date_deadline": investigation.date_due,
                "summary": kefu_person_env(self.env, user)._(
                    "Credit investigation of %s", investigation.partner_id.display_name
                ),
                "user_id": user.id,
            }
        self.env["kefu.cron.batch"].schedule_activities(self, values)

    def action_submit(self):
        """Sales hand the facts to Finance (CRD-4)."""
        self._kefu_check_sales_side()
        for investigation in self:
            if investigation.state != "draft":
                raise UserError(self.env._("Only an investigation in progress can be submitted."))
            if not investigation.channel:
                raise UserError(
                    self.env._("Say through which channel the customer was investigated.")
                )
            if not any((investigation[name] or "").strip() for name in REPORT_SECTIONS):
                raise UserError(
                    self.env._("Fill in at least one section of the investigation report.")
                )
        self._kefu_protected_write({"state": "evaluation"})
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_request_approval(self):
        """Finance has evaluated: the credit group reviews the proposal."""
        self.check_access("write")
        self._kefu_check_finance()
        for investigation in self:
            if investigation.state != "evaluation":
                raise UserError(self.env._("Only an investigation with Finance can be evaluated."))
            if self.env.user in investigation.requested_by_id | investigation.user_id:
                raise AccessError(
                    self.env._("Sales do not evaluate the investigation they carried out.")
                )
            if (
                not (investigation.finance_evaluation or "").strip()
                or not investigation.proposed_tier
            ):
                raise UserError(
                    self.env._("Finance's evaluation and a proposed tier are needed first.")
                )
            investigation._kefu_check_tier_a_limit()
        self._kefu_protected_write({"finance_user_id": self.env.uid})
        return self.request_validation()

    def _kefu_check_tier_a_limit(self):
        # CRD-2: a tier A limit stays within the sales of the payment period; said
        # at Finance's submission rather than at the last signature.
        self.ensure_one()
        if self.proposed_tier != "A" or not self.proposed_limit:
            return
        partner = self.partner_id.commercial_partner_id.sudo()
        policy = self.env["kefu.credit.policy"].sudo()._for_tier("A")
        refusal = partner._kefu_tier_a_cap_refusal(self.proposed_limit, policy=policy)
        if refusal:
            raise UserError(refusal)

    def request_validation(self):
        # Reviews follow Finance's evaluation only (action_request_approval), never a
        # direct call before it.
        if self.filtered(lambda i: not i.finance_user_id or not i.proposed_tier):
            raise UserError(
                self.env._("Finance submits its evaluation for approval (Submit Evaluation).")
            )
        return super().request_validation()

    def _kefu_requester(self):
        return self.requested_by_id

    def _kefu_requesters(self):
        # Finance's evaluator submitted it for approval (action_request_approval):
        # he signs no tier of it, nor counts as the signer left for one.
        return self.requested_by_id | self.finance_user_id

    def _kefu_signature_error(self, user=None):
        if (user or self.env.user) == self.finance_user_id:
            return self.env._(
                "You evaluated this investigation: its approval must come from someone "
                "else of the credit group."
            )
        return super()._kefu_signature_error(user)

    def validate_tier(self):
        res = super().validate_tier()
        if self.validation_status == "validated" and self.state == "evaluation":
            self._kefu_apply()
        return res

    def _kefu_apply(self):
        """On approval the proposed tier and limit apply to the customer (CRD-4)."""
        today = fields.Date.context_today(self)
        for investigation in self:
            partner = investigation.partner_id.commercial_partner_id
            reason = self.env._("Credit investigation %s", investigation.name)
            vals = {
                "kefu_credit_tier": investigation.proposed_tier,
                "kefu_credit_tier_reason": reason,
                "kefu_credit_review_date": today,
                "kefu_credit_limit_manual": bool(investigation.proposed_limit),
            }
            partner.write(vals)
            if investigation.proposed_limit:
                partner.sudo().write({"credit_limit": investigation.proposed_limit})
        # validate_tier checked the signer (kefu.approval.mixin).
        self._kefu_protected_write({"state": "done", "date_done": today})
        self._kefu_notify_credit_group()

    def _kefu_notify_credit_group(self):
        # CRD-5: the report goes to the credit-limit group.
        group = self.env.ref("kefu_credit.group_kefu_credit_control")
        partners = group.sudo().users.partner_id
        for investigation in self:
            investigation.message_post(
                body=self.env._(
                    "Credit investigation approved: tier %(tier)s applied to %(partner)s.",
                    tier=investigation.proposed_tier,
                    partner=investigation.partner_id.display_name,
                ),
                partner_ids=partners.ids,
                subtype_xmlid="mail.mt_note",
            )

    def action_cancel(self):
        self._kefu_check_sales_side()
        if self.filtered(lambda i: i.state == "done"):
            raise UserError(self.env._("An approved investigation cannot be cancelled."))
        self._kefu_protected_write({"state": "cancel"})
        self.activity_unlink(["mail.mail_activity_data_todo"])

    def action_reset(self):
        self._kefu_check_sales_side()
        if self.filtered(lambda i: i.state not in ("evaluation", "cancel")):
            raise UserError(
                self.env._("Only an investigation with Finance or cancelled goes back.")
            )
        self._kefu_protected_write({"state": "draft"})

    @api.model
    def _kefu_review_months(self, tier):
        return self.env["kefu.settings"].get_value(f"kefu_crd_review_months_{tier.lower()}")

    @api.model
    @kefu_cron_lang
    def _cron_open_periodic(self, batch_size=200):
        """CRD-6: open the periodic investigation of every customer due.

        Batches of ``batch_size``; a customer with an open periodic
        investigation is skipped and rows are locked with SKIP LOCKED, so two
        runs or two workers never open the same investigation twice; one opened
        by someone else meanwhile is left out too (``_kefu_create_periodic``).
        """
        today = fields.Date.context_today(self)
        open_partners = self.search(
            [("kind", "=", "periodic"), ("state", "in", OPEN_STATES)]
        ).partner_id
        due = self.env["res.partner"]
        for tier, _label in TIERS:
            cutoff = today - relativedelta(months=self._kefu_review_months(tier))
            due |= self.env["res.partner"].search(
                [
                    ("kefu_credit_tier", "=", tier),
                    ("id", "not in", open_partners.ids),
                    "|",
                    ("kefu_credit_review_date", "<=", cutoff),
                    "&",
                    ("kefu_credit_review_date", "=", False),
                    ("kefu_credit_tier_date", "<=", cutoff),
                ]
            )
        batch = self.env["kefu.cron.batch"].lock(due[:batch_size])
        # Issue 17: CRD-4's due date evaluated once for the batch (all opened today).
        date_due = self.env["kefu.working.time"].add_working_dates(
            today, self.env["kefu.settings"].get_value("kefu_crd_investigation_days")
        )
        # The sales person is told by the activity: no assignment mail per record,
        # and the cron's user follows none of them.
        opened = (
            self.sudo()
            .with_context(
                kefu_cron_bulk=True,
                mail_auto_subscribe_no_notify=True,
                mail_create_nosubscribe=True,
            )
            ._kefu_create_periodic(
                [
                    {
                        "partner_id": partner.id,
                        "kind": "periodic",
                        "user_id": (partner.user_id or self.env.user).id,
                        "date_due": date_due,
                    }
                    for partner in batch
                ]
            )
        )
        # Customers skipped (locked, changed or given one meanwhile) count as
        # remaining: the next run, with a fresh snapshot, settles them.
        self.env["ir.cron"]._notify_progress(done=len(opened), remaining=len(due) - len(opened))
        return len(opened)

    @api.model
    def _kefu_create_periodic(self, vals_list):
        """CRD-6: the periodic investigations of ``vals_list``, leaving out a
        customer that got an open one after this transaction's snapshot.

        Issue 17: the check before the lock reads the transaction's REPEATABLE
        READ snapshot, and so would a re-check under the partner's lock (opening
        an investigation does not change the partner's row): an investigation
        committed meanwhile is invisible to both. The unique index on open
        periodic investigations sees it; such a customer is skipped instead of
        losing the batch.
        """
        if not vals_list:
            return self.browse()
        try:
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                return self.create(vals_list)
        except pgerrors.UniqueViolation as error:
            if error.diag.constraint_name != OPEN_PERIODIC_INDEX:
                raise
        opened = self.browse()
        for vals in vals_list:
            try:
                with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                    opened |= self.create([vals])
            except pgerrors.UniqueViolation as error:
                if error.diag.constraint_name != OPEN_PERIODIC_INDEX:
                    raise
        return opened

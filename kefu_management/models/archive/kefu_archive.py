from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from ..base.kefu_translate import kefu_cron_lang
from ..base.kefu_translate import kefu_person_env

# ARC-11: secrecy levels, lowest first.
SECRECY_LEVELS = [
    ("none", "Not classified"),
    ("secret", "Secret"),
    ("confidential", "Confidential"),
    ("top_secret", "Top secret"),
]
# ARC-13: the clearance group needed to classify at each level.
CLEARANCE_GROUPS = {
    "secret": "kefu_management.group_kefu_clearance_secret",
    "confidential": "kefu_management.group_kefu_clearance_confidential",
    "top_secret": "kefu_management.group_kefu_clearance_top_secret",
}
# ARC-1 (ARC-3 for the personal details): the archive's four sections, in the
# rulebook's order, each field printed under its label.
ARC1_SECTIONS = (
    (
        "basic",
        (
            "org_structure",
            "owners",
            "managers",
            "decision_makers",
            "personal_details",
            "qualifications",
            "founded_on",
            "first_trade_on",
            "company_size",
            "industry_id",
            "assets",
        ),
    ),
    (
        "characteristics",
        (
            "service_area",
            "sales_capacity",
            "potential",
            "culture",
            "policies",
            "staff_count",
            "revenue",
            "management_style",
        ),
    ),
    (
        "business",
        (
            "past_sales",
            "current_sales",
            "staff_quality",
            "competitor_relations",
            "cooperation_attitude",
        ),
    ),
    (
        "trade",
        (
            "sales_activity",
            "problems",
            "strengths",
            "plans",
            "reputation",
            "credit_status",
            "trade_terms",
            "past_credit_problems",
        ),
    ),
)
# Content erased by a destruction (ARC-9): every section of ARC-1.
CONTENT_FIELDS = [name for _key, names in ARC1_SECTIONS for name in names]


class KefuArchive(models.Model):
    """The customer archive (客户信息档案), one per institutional customer (ARC-1, ARC-6).

    Who may read it is decided by record rules only (ARC-10, ARC-13): the
    clearance groups for its secrecy level, or a granted, unexpired borrowing
    card. Nothing here reads an archive with sudo on behalf of a user.
    """

    _name = "kefu.archive"
    _description = "Customer Archive"
    _inherit = ["mail.thread", "mail.activity.mixin", "kefu.input.mixin", "kefu.protected.mixin"]
    # Issue 17: ordered by the customer's name stored on the archive and indexed, so
    # that a page of the list reads its order from the index instead of joining
    # and sorting every customer (same order as by partner_id, which sorts by name).
    _order = "partner_name, id"
    _rec_name = "partner_id"

    # Issue 12: secrecy, its classifier, the company, verification and deadlines
    # change only through the actions below (ARC-5, ARC-11, ARC-12, ARC-15).
    _kefu_protected_fields = (
        "secrecy_level",
        "classified_on",
        "secrecy_end",
        "classified_by_id",
        "company_id",
        "verified_on",
        "verified_by_id",
        "allocated_on",
        "first_contact_due",
        "destroyed",
    )
    # At creation: the level and period, checked in create (clearance, a period
    # ending after the classification date); the company, checked by the
    # multi-company rule; the classifier and the date, which create sets itself
    # and refuses from anyone else (ARC-12).
    _kefu_create_fields = (
        "secrecy_level",
        "secrecy_end",
        "company_id",
        "classified_on",
        "classified_by_id",
    )

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('is_company', '=', True)]",
        tracking=True,
    )
    partner_name = fields.Char(
        string="Customer Name", related="partner_id.name", store=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    active = fields.Boolean(default=True)
    # ARC-15: the agent responsible for the customer.
    agent_id = fields.Many2one("res.users", string="Responsible Agent", tracking=True, index=True)
    allocated_on = fields.Datetime(readonly=True, copy=False)
    first_contact_due = fields.Datetime(readonly=True, copy=False)
    first_contact_on = fields.Datetime(copy=False, tracking=True)
    # ARC-1, basic profile
    org_structure = fields.Text(string="Organisation Structure")
    owners = fields.Text()
    managers = fields.Text()
    decision_makers = fields.Text(string="Key Decision Makers")
    qualifications = fields.Text()
    founded_on = fields.Date(string="Founded")
    first_trade_on = fields.Date(string="First Trade")
    company_size = fields.Char(string="Size")
    industry_id = fields.Many2one("res.partner.industry")
    assets = fields.Text()
    # ARC-1, characteristics
    service_area = fields.Text()
    sales_capacity = fields.Text()
    potential = fields.Text()
    culture = fields.Text(string="Business Culture")
    policies = fields.Text(string="Business Policies")
    staff_count = fields.Integer()
    revenue = fields.Monetary(currency_field="currency_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    management_style = fields.Text()
    # ARC-1, business status
    past_sales = fields.Text()
    current_sales = fields.Text()
    staff_quality = fields.Text()
    competitor_relations = fields.Text()
    cooperation_attitude = fields.Text()
    # ARC-1, trade status
    sales_activity = fields.Text()
    problems = fields.Text()
    strengths = fields.Text()
    plans = fields.Text()
    reputation = fields.Text()
    credit_status = fields.Text()
    trade_terms = fields.Text()
    past_credit_problems = fields.Text()
    # ARC-3: personal details (hobbies, family) of the customer's people.
    personal_details = fields.Text()
    # ARC-11, ARC-12: secrecy
    secrecy_level = fields.Selection(
        SECRECY_LEVELS, required=True, default="none", tracking=True, index=True
    )
    classified_on = fields.Date(tracking=True)
    classification_reason = fields.Text(tracking=True)
    classified_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    secrecy_end = fields.Date(string="Secrecy Period End", tracking=True, index=True)
    # ARC-5: re-verification
    verified_on = fields.Datetime(readonly=True, copy=False)
    verified_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    next_verification_on = fields.Date(
        compute="_compute_next_verification_on", store=True, index=True
    )
    verification_overdue = fields.Boolean(
        compute="_compute_verification_overdue", search="_search_verification_overdue"
    )
    form_ids = fields.One2many("kefu.archive.form", "archive_id", string="Data Forms")
    borrow_ids = fields.One2many("kefu.archive.borrow", "archive_id", string="Borrowing Cards")
    borrowed_by_me = fields.Boolean(
        compute="_compute_borrowed_by_me", search="_search_borrowed_by_me"
    )
    destroyed = fields.Boolean(readonly=True, copy=False)

    _sql_constraints = [
        ("partner_uniq", "unique(partner_id)", "This customer already has an archive."),
    ]

    @api.depends("verified_on", "create_date", "company_id")
    def _compute_next_verification_on(self):
        # ARC-5: the setting's calendar days (a quarter) after the local date of the
        # last verification, moved by the working-time service to the next working
        # day; a change of the setting recomputes it (_kefu_recompute_verification).
        days = self.env["kefu.settings"].get_value("kefu_arc_reverify_days")
        working_time = self.env["kefu.working.time"]
        due_on = {}
        for archive in self:
            start = archive.verified_on or archive.create_date
            if not start:
                archive.next_verification_on = False
                continue
            company = archive.company_id
            tz = pytz.timezone(working_time._calendar(company).tz or "UTC")
            day = pytz.utc.localize(start).astimezone(tz).date() + timedelta(days=days)
            if (day, company) not in due_on:
                due_on[day, company] = working_time.add_working_dates(day, 0, company)
            archive.next_verification_on = due_on[day, company]

    @api.model
    def _kefu_recompute_verification(self):
        # ARC-5: open archives follow a new interval; as the system, since the
        # settings manager need not be cleared for every archive.
        archives = self.sudo().with_context(active_test=False).search([("destroyed", "=", False)])
        self.env.add_to_compute(self._fields["next_verification_on"], archives)
        archives.flush_recordset(["next_verification_on"])
        # A recomputation does not invalidate what depends on it: drop it here.
        archives.invalidate_recordset(["verification_overdue"])

    @api.depends("next_verification_on")
    def _compute_verification_overdue(self):
        today = fields.Date.context_today(self)
        for archive in self:
            archive.verification_overdue = bool(
                archive.next_verification_on and archive.next_verification_on < today
            )

    def _search_verification_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue verification."))
        overdue = (operator == "=") == value
        today = fields.Date.context_today(self)
        if overdue:
            return [("next_verification_on", "<", today)]
        return ["|", ("next_verification_on", "=", False), ("next_verification_on", ">=", today)]

    @api.depends_context("uid")
    def _compute_borrowed_by_me(self):
        borrowed = self._borrowed_archive_ids()
        for archive in self:
            archive.borrowed_by_me = archive.id in borrowed

    def _search_borrowed_by_me(self, operator, value):
        # ARC-10: evaluated at every query with the current time, so that access
        # ends at the card's due time even before the cron marks it overdue.
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on borrowed archives."))
        # A sub-select, not a list of ids: the archive's record rule then costs no
        # query of its own, also where followers or activities are searched (issue 17).
        cards = self.env["kefu.archive.borrow"].sudo()._search(self._borrowed_card_domain())
        subselect = cards.subselect(SQL.identifier(cards.table, "archive_id"))
        return [("id", "in" if (operator == "=") == value else "not in", subselect)]

    def _check_access(self, operation):
        # borrowed_by_me depends on the time and on cards changed in this very
        # transaction: never let a cached value decide an access check.
        self.invalidate_recordset(["borrowed_by_me"])
        return super()._check_access(operation)

    def _borrowed_archive_ids(self):
        cards = self.env["kefu.archive.borrow"].sudo().search(self._borrowed_card_domain())
        return set(cards.archive_id.ids)

    def _borrowed_card_domain(self):
        return [
            ("borrower_id", "=", self.env.uid),
            ("state", "=", "granted"),
            ("date_due", ">", fields.Datetime.now()),
            ("archive_id", "!=", False),
        ]

    @api.constrains("secrecy_level", "classified_on", "secrecy_end")
    def _check_secrecy(self):
        for archive in self:
            if archive.secrecy_level == "none":
                continue
            if not archive.secrecy_end:
                raise ValidationError(
                    self.env._("A classified archive needs the end of its secrecy period.")
                )
            if not archive.classified_on:
                raise ValidationError(
                    self.env._("A classified archive needs its classification date.")
                )
            if archive.secrecy_end <= archive.classified_on:
                raise ValidationError(
                    self.env._("The secrecy period must end after the classification date.")
                )

    @api.constrains("partner_id")
    def _check_partner(self):
        for archive in self:
            if archive.partner_id != archive.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._("Archives are kept for the customer company, not for a contact.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.su:
                self._check_classifier_not_given(vals)
            self._prepare_classification(vals)
        archives = super().create(vals_list)
        archives.filtered("agent_id")._schedule_first_contact()
        archives.filtered(lambda a: not a.personal_details)._schedule_personal_details()
        return archives

    def write(self, vals):
        if self.env.su:
            # Actions and scheduled jobs; users go through action_change_secrecy.
            self._prepare_classification(vals)
        res = super().write(vals)
        if vals.get("agent_id"):
            self._schedule_first_contact()
        return res

    def _check_classifier_not_given(self, vals):
        # ARC-12 (finding 13): the classifier and the date are the system's.
        given = {
            name
            for name, value in (
                ("classified_by_id", self.env.uid),
                ("classified_on", fields.Date.context_today(self)),
            )
            if vals.get(name)
            and self._fields[name].convert_to_cache(vals[name], self)
            != self._fields[name].convert_to_cache(value, self)
        }
        self._kefu_refuse(given)

    def _prepare_classification(self, vals):
        level = vals.get("secrecy_level")
        if level in CLEARANCE_GROUPS and not self.env.su:
            self._check_clearance(level)
        if level and level != "none":
            if self.env.su:
                vals.setdefault("classified_by_id", self.env.uid)
                vals.setdefault("classified_on", fields.Date.context_today(self))
            else:
                vals["classified_by_id"] = self.env.uid
                vals["classified_on"] = fields.Date.context_today(self)

    def _check_clearance(self, level):
        if level in CLEARANCE_GROUPS and not self.env.user.has_group(CLEARANCE_GROUPS[level]):
            raise AccessError(
                self.env._("You are not cleared to classify an archive at this level.")
            )

    def unlink(self):
        # ARC-9: archives are only destroyed through an approved destruction request.
        if not self.env.context.get("kefu_archive_destruction"):
            raise UserError(
                self.env._(
                    "Customer archives cannot be deleted. Request their destruction: it needs "
                    "the approval of the Customer-Info Supervisor, the CS Manager and the "
                    "General Manager."
                )
            )
        return super().unlink()

    def _schedule_first_contact(self):
        # ARC-15: the agent contacts the customer within a week of allocation.
        days = self.env["kefu.settings"].get_value("kefu_arc_first_contact_days")
        now = fields.Datetime.now()
        for archive in self:
            due = self.env["kefu.working.time"].add_working_days(now, days, archive.company_id)
            archive._kefu_protected_write({"allocated_on": now, "first_contact_due": due})
            archive.activity_schedule(
                "mail.mail_activity_data_call",
                date_deadline=due.date(),
                summary=kefu_person_env(self.env, archive.agent_id)._(
                    "First contact with the allocated customer"
                ),
                user_id=archive.agent_id.id,
            )

    def _schedule_personal_details(self):
        # ARC-3: personal details (hobbies, family) within one month.
        days = self.env["kefu.settings"].get_value("kefu_arc_personal_days")
        today = fields.Date.context_today(self)
        for archive in self:
            due = self.env["kefu.working.time"].add_working_dates(
                today + timedelta(days=days), 0, archive.company_id
            )
            archive.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=due,
                summary=kefu_person_env(self.env, archive.agent_id or self.env.user)._(
                    "Collect the personal details of the customer's people"
                ),
                user_id=(archive.agent_id or self.env.user).id,
            )

    def action_mark_contacted(self):
        self.write({"first_contact_on": fields.Datetime.now()})
        self.activity_feedback(["mail.mail_activity_data_call"])

    def action_mark_verified(self):
        # ARC-5: who verified, and when: the CS department, on archives it may edit.
        self._check_cs_editor()
        for archive in self:
            archive._kefu_protected_write(
                {"verified_on": fields.Datetime.now(), "verified_by_id": self.env.uid}
            )
            archive.activity_feedback(["kefu_management.mail_activity_kefu_reverify"])
            archive.message_post(body=self.env._("Archive re-verified."))

    def _check_cs_editor(self):
        if not self.env.su and not self.env.user.has_group("kefu_management.group_kefu_agent"):
            raise AccessError(self.env._("Only the CS department maintains customer archives."))
        self.check_access("write")
        if any(self.mapped("destroyed")):
            raise UserError(self.env._("This archive was destroyed."))

    def action_open_secrecy_wizard(self):
        self.ensure_one()
        self._check_cs_editor()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Secrecy"),
            "res_model": "kefu.archive.secrecy.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_archive_id": self.id,
                "default_secrecy_level": self.secrecy_level,
                "default_secrecy_end": self.secrecy_end,
            },
        }

    def action_change_secrecy(self, level, secrecy_end, reason):
        """Classify, reclassify or declassify, with a reason kept in the chatter.

        ARC-11, ARC-13: the user is cleared for the current and the new level.
        ARC-12: the period ends by itself; ending it early (a lower level, a
        shorter period) is decided by a CS Manager cleared for the level.
        """
        self.ensure_one()
        self._check_cs_editor()
        ranks = {key: rank for rank, (key, _label) in enumerate(SECRECY_LEVELS)}
        if level not in ranks:
            raise UserError(self.env._("Unknown secrecy level."))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for the change of secrecy."))
        today = fields.Date.context_today(self)
        old_level, old_end = self.secrecy_level, self.secrecy_end
        new_end = fields.Date.to_date(secrecy_end) if level != "none" else old_end
        self._check_clearance(old_level)
        self._check_clearance(level)
        if level != "none" and (not new_end or new_end <= today):
            raise ValidationError(self.env._("The secrecy period must end after today."))
        if level == old_level and new_end == old_end:
            raise UserError(self.env._("The secrecy level and period are unchanged."))
        earlier = ranks[level] < ranks[old_level] or (
            old_level != "none" and old_end and new_end < old_end
        )
        if earlier and not self.env.user.has_group("kefu_management.group_kefu_manager"):
            raise AccessError(
                self.env._(
                    "Only a CS Manager cleared for the archive's level may lower its secrecy "
                    "level or end its secrecy period early."
                )
            )
        vals = {"secrecy_end": new_end}
        if level != old_level:
            vals["secrecy_level"] = level
            if level != "none":
                vals.update(
                    classified_on=today,
                    classified_by_id=self.env.uid,
                    classification_reason=reason,
                )
        labels = dict(self._fields["secrecy_level"]._description_selection(self.env))
        self._kefu_protected_write(vals)
        self.message_post(
            body=self.env._(
                "Secrecy changed from %(old)s (until %(old_end)s) to %(new)s (until %(new_end)s). "
                "Reason: %(reason)s",
                old=labels[old_level],
                old_end=old_end or "-",
                new=labels[level],
                new_end=new_end or "-",
                reason=reason,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True

    @api.model
    @kefu_cron_lang
    def _cron_declassify(self, batch_size=200):
        # ARC-12: classified archives are declassified when their period ends.
        today = fields.Date.context_today(self)

        def declassify(archives):
            # Issue 17: one write and one bulk log for the batch.
            levels = dict(self._fields["secrecy_level"]._description_selection(self.env))
            bodies = {
                archive.id: self.env._(
                    "Secrecy period ended on %(date)s: the archive (%(level)s) is declassified.",
                    date=archive.secrecy_end,
                    level=levels[archive.secrecy_level],
                )
                for archive in archives
            }
            archives._kefu_protected_write({"secrecy_level": "none"})
            self.env["kefu.cron.batch"].log_notes(
                [(archive, bodies[archive.id], None) for archive in archives]
            )

        return self.env["kefu.cron.batch"].run(
            self._name,
            [("secrecy_level", "!=", "none"), ("secrecy_end", "<=", today)],
            declassify,
            batch_size,
        )

    @api.model
    @kefu_cron_lang
    def _cron_reverify(self, batch_size=200):
        # ARC-5: an activity on the responsible agent when re-verification is due.
        today = fields.Date.context_today(self)
        activity_type = self.env.ref("kefu_management.mail_activity_kefu_reverify")

        def remind(archives):
            # Issue 17: the batch's activities in one create.
            values = {}
            for archive in archives:
                user = archive.agent_id or archive.create_uid
                values[archive.id] = {
                    "activity_type_id": activity_type.id,
                    "date_deadline": archive.next_verification_on,
                    "summary": activity_type.with_env(kefu_person_env(self.env, user)).summary,
                    "note": activity_type.with_env(kefu_person_env(self.env, user)).default_note,
                    "user_id": user.id,
                }
            self.env["kefu.cron.batch"].schedule_activities(archives, values)

        return self.env["kefu.cron.batch"].run(
            self._name,
            [
                ("next_verification_on", "<=", today),
                ("destroyed", "=", False),
                ("activity_ids", "not any", [("activity_type_id", "=", activity_type.id)]),
            ],
            remind,
            batch_size,
        )

from lxml import etree

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime

from .kefu_translate import kefu_person_env


class KefuApprovalMixin(models.AbstractModel):
    """Every kefu approval: OCA tier validation, with signatures from distinct people.

    The one place that carries the tier-validation header (chatter, activities,
    tier validation, reviews generated from the tier definitions) and the signature
    rules: tier validation lets a user who belongs to several reviewer groups (a
    General Manager is also a CS Manager) sign tier after tier; the rulebook wants
    one signature per person, and never one's own request (ARC-9, CON-3, CRD-3).
    A model sets ``_state_from``, ``_state_to``, ``_cancel_state`` and, when the
    requester is not the creator, overrides ``_kefu_requester`` (and
    ``_kefu_requesters`` when someone else submits the request). Each tier of one
    request is signed by a different holder of that tier's role
    (``_kefu_distinct_tiers``, ``_kefu_check_staffing``). One check,
    ``_kefu_acceptable_review``, decides who may sign what: the Validate and Reject
    actions, the Validate button (``can_review``), the "To review" filter and the
    reviewers' activities all follow it; a model refusing other people overrides
    ``_kefu_signature_error``.
    """

    _name = "kefu.approval.mixin"
    _description = "Customer Service Approval"
    _inherit = ["mail.thread", "mail.activity.mixin", "tier.validation", "kefu.input.mixin"]
    _tier_validation_manual_config = False
    # "Nobody signs his own request or two tiers of one request" (ARC-9, CON-3,
    # CON-9, CRD-3): on for every kefu approval. A model turns it off only with a
    # rulebook reason in a comment next to it.
    _kefu_distinct_tiers = True
    # The document's own submit button, which requests the validation after its
    # checks (e.g. "action_request"): tier validation's "Request Validation" would
    # be a second, unchecked way to the same step (issue 18).
    _kefu_request_button = False

    # Issue 18: the deadline of the tier now waiting, shown in the approval banner.
    kefu_review_deadline = fields.Datetime(
        string="Review Due", compute="_compute_kefu_review_deadline"
    )

    # Not computed from review_ids.kefu_deadline by @depends: OCA's tests rebuild the
    # registry with tier.review alone (their fake-model loader), and a dependency on a
    # kefu field of tier.review then breaks every record creation there (host suites).
    # Non-stored, so read fresh with the reviews.
    @api.depends("review_ids.status")
    def _compute_kefu_review_deadline(self):
        for record in self:
            deadlines = record._kefu_current_reviews().filtered("kefu_deadline")
            record.kefu_review_deadline = min(deadlines.mapped("kefu_deadline"), default=False)

    def _add_tier_validation_buttons(self, node, params):
        new_node = super()._add_tier_validation_buttons(node, params)
        if self._kefu_request_button:
            for button in new_node.xpath("//button[@name='request_validation']"):
                button.getparent().remove(button)
        return new_node

    def _add_tier_validation_label(self, node, params):
        # Issue 18: the reviewer reads his deadline in the banner, not in a tab.
        new_node = super()._add_tier_validation_label(node, params)
        for next_review in new_node.xpath("//field[@name='next_review']"):
            due = etree.Element("span", {"class": "ms-2", "invisible": "not kefu_review_deadline"})
            label = etree.SubElement(due, "span", {"class": "fw-bold"})
            label.text = self.env._("Due:")
            label.tail = " "
            etree.SubElement(
                due, "field", {"name": "kefu_review_deadline", "readonly": "1", "nolabel": "1"}
            )
            next_review.addnext(due)
        return new_node

    @api.model
    def _kefu_approval_models(self):
        """Names of the models that inherit this mixin."""
        names, todo = set(), [self._name]
        while todo:
            children = self.env.registry[todo.pop()]._inherit_children
            todo.extend(children - names)
            names |= children
        return names

    def _kefu_requester(self):
        return self.create_uid

    def _kefu_requesters(self):
        """The people who made this request: the requester, and whoever else a
        model records as submitting it (a contract's ``submitted_by_id``). None of
        them signs it, nor counts as the signer left for one of its tiers."""
        return self._kefu_requester()

    def _kefu_signature_error(self, user=None):
        """Why ``user`` (the acting user by default) may sign no tier of this
        request (a message), or None: he made it, or signed one of its tiers."""
        self.ensure_one()
        user = user or self.env.user
        if user in self._kefu_requesters():
            return self.env._("You cannot approve your own request.")
        if self.review_ids.filtered(lambda r: r.status == "approved" and r.done_by == user):
            return self.env._(
                "You have already signed this request: the next signature "
                "must come from someone else."
            )
        return None

    def _kefu_check_signature(self):
        for record in self:
            error = record._kefu_signature_error()
            if error:
                raise UserError(error)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(vals.get("review_ids") for vals in vals_list):
            self.env["tier.review"]._kefu_refuse()
        return super().create(vals_list)

    def write(self, vals):
        # Commands on review_ids would write the signatures as the user.
        if not self.env.su and vals.get("review_ids"):
            self.env["tier.review"]._kefu_refuse()
        res = super().write(vals)
        if self._state_field in vals:
            # A request cancelled, or finished by its own action: nobody is asked any more.
            self._kefu_sync_review_activities()
        return res

    def validate_tier(self):
        self._kefu_check_signature()
        return super().validate_tier()

    def reject_tier(self):
        self._kefu_check_signature()
        return super().reject_tier()

    # Reviews are signatures (tier_review.py): only these methods write them, as
    # superuser once the acting user was checked; the acting user stays the signer.

    def _kefu_signable_review(self, tiers, rejecting=False, user=None):
        """The one review the acting user (or ``user``) signs with this call: the
        first of this document's that tier validation lets him sign now, among
        ``tiers`` when given (the comment wizard passes review ids from the
        client); with distinct tiers, the first whose signature leaves every other
        tier a signer of its own (parallel tiers: a Finance and Legal reviewer
        signs Legal when someone else can sign Finance but nobody else Legal).

        Tier validation signs in one call every consecutive review whose role the
        user holds, an implied group being enough (a General Manager is also a
        Supervisor and a CS Manager), and falls back to all the document's reviews
        when ``tiers`` is empty: one person, one signature (ARC-9)."""
        self.ensure_one()
        user = user or self.env.user
        sequences = self._get_sequences_to_approve(user)
        reviews = self.review_ids.filtered(
            lambda r: r.sequence in sequences and r.status in ("waiting", "pending")
        )
        if tiers:
            reviews &= tiers
        reviews = reviews.sorted("sequence")
        if self._kefu_distinct_tiers and len(reviews) > 1:
            for review in reviews:
                if not self._kefu_staffing_error(review, rejecting, user=user):
                    return review
        return reviews[:1]

    def _kefu_acceptable_review(self, user, tiers=False, rejecting=False):
        """The review ``user`` would sign now with Validate (Reject when
        ``rejecting``), or an empty recordset when the action would refuse him:
        his own request, a tier signed already, nothing of his open yet, or a
        signature that would leave another tier without a signer (ARC-9)."""
        self.ensure_one()
        empty = self.env["tier.review"]
        if self._kefu_signature_error(user):
            return empty
        review = self._kefu_signable_review(tiers, rejecting, user=user)
        if (
            review
            and self._kefu_distinct_tiers
            and self._kefu_staffing_error(review, rejecting, user=user)
        ):
            return empty
        return review

    def _validate_tier(self, tiers=False):
        self._kefu_check_signature()
        review = self._kefu_signable_review(tiers)
        if self._kefu_distinct_tiers:
            self._kefu_check_staffing(review)
        if not review:
            return None  # nothing for this user to sign, as in tier validation
        res = super(KefuApprovalMixin, self.sudo())._validate_tier(review.sudo())
        self._kefu_sync_review_activities()
        return res

    @api.depends_context("uid")
    @api.depends("review_ids.status")
    def _compute_can_review(self):
        super()._compute_can_review()
        # No Validate button where the signature would be refused (ARC-9): one's
        # own request, a second tier, a tier that would leave another unstaffed.
        for record in self.filtered("can_review"):
            record.can_review = bool(record._kefu_acceptable_review(self.env.user))

    @api.model
    def _search_can_review(self, operator, value):
        # "To review" (and the systray counter) list what the Validate button
        # offers (ARC-9): tier validation's candidates (an open review of the
        # user's), then ``can_review`` above on all of them at once. Their reviews
        # and reviewers are read in one go first: tier validation reads each
        # record's reviewers on its own, a query per record.
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on Can Review."))
        domain = [
            ("review_ids.reviewer_ids", "=", self.env.user.id),
            ("review_ids.status", "in", ["pending", "waiting"]),
            ("review_ids.can_review", "=", True),
            ("validation_status", "!=", "rejected"),
        ]
        if "active" in self._fields:
            domain.append(("active", "in", [True, False]))
        records = self.search(domain)
        records.review_ids.mapped("reviewer_ids")  # prefetch, see above
        ids = records.filtered("can_review").ids
        return [("id", "in" if (operator == "=") == value else "not in", ids)]

    def _kefu_check_staffing(self, review, rejecting=False):
        """Refuse (UserError) the acting user's signature of ``review`` when it
        would break "one person, one tier" (``_kefu_staffing_error``)."""
        self.ensure_one()
        user = self.env.user
        if not review:
            # Nothing he may sign now: say so when he waits for an earlier tier.
            pending = self.review_ids.filtered(lambda r: r.status in ("waiting", "pending"))
            pending = pending.sorted("sequence")
            later = pending[1:].filtered(lambda r: user in r.reviewer_ids)
            if pending and later:
                raise UserError(
                    self.env._(
                        "%(tier)s is signed first, by someone holding its role; you sign "
                        "%(yours)s afterwards.",
                        tier=_tier_name(pending[0]),
                        yours=_tier_name(later[0]),
                    )
                )
            return
        error = self._kefu_staffing_error(review, rejecting)
        if error:
            raise UserError(error)

    def _kefu_signers(self, tier):
        """Who may still sign ``tier`` of this request: the active internal holders
        of its role, but not those who made the request and not those who signed
        already (those ``_kefu_signature_error`` refuses)."""
        signed = self.review_ids.filtered(lambda r: r.status == "approved").done_by
        users = tier.sudo().reviewer_ids.filtered(lambda u: u.active and not u.share)
        return users - signed - self._kefu_requesters()

    def _kefu_staffing_error(self, review, rejecting=False, user=None):
        """Why the acting user may not sign ``review`` (a message), or None.

        ARC-9 with real staffing: one person may hold several roles (a General
        Manager's group implies the Supervisor's and the CS Manager's; a reviewer
        may be in Finance and Legal), and each tier of one request is signed by a
        different person holding that tier's role. He signs ``review`` only if,
        after it, every other open tier, parallel or sequential, can still be given
        to a distinct person (a matching of tiers to their remaining signers).
        On a sequence-bound ladder a holder of a later rung's role also leaves the
        current rung to someone else who holds it. A rejection, which ends the
        request, follows that ladder rule only. ``user``: the signer when someone
        else records his signature (a phone approval, CON-4); the acting user by
        default."""
        self.ensure_one()
        user = user or self.env.user
        tier_name = _tier_name(review)
        others = self.review_ids.filtered(
            lambda r: r.status in ("waiting", "pending") and r != review
        ).sorted("sequence")
        if review.approve_sequence:
            later = others.filtered(lambda r: r.approve_sequence and r.sequence > review.sequence)
            mine = later.filtered(lambda r: user in r.reviewer_ids)
            if mine and self._kefu_signers(review) - later.sudo().mapped("reviewer_ids"):
                return self.env._(
                    "Each tier is signed by a different person holding that tier's role: "
                    "you hold the role of a later tier, so the current tier (%(tier)s) "
                    "must be signed by someone else.",
                    tier=tier_name,
                )
        if rejecting or not others:
            return None
        candidates = [self._kefu_signers(tier) - user for tier in others]
        stuck, busy = _unstaffed_tier(candidates)
        if stuck is None:
            return None
        tier = others[stuck]
        holders = tier.sudo().reviewer_ids.filtered(lambda u: u.active and not u.share) - user
        if candidates[stuck]:
            why = self.env._(
                "the others holding its role (%(users)s) are needed for %(tiers)s.",
                users=", ".join(candidates[stuck].mapped("name")),
                tiers=", ".join(_tier_name(others[index]) for index in sorted(busy)),
            )
        elif holders:
            why = self.env._(
                "the others holding its role (%(users)s) made this request or have "
                "already signed it.",
                users=", ".join(holders.mapped("name")),
            )
        else:
            why = self.env._("nobody else holds its role.")
        return self.env._(
            "Each tier is signed by a different person: if you signed %(tier)s, nobody "
            "else would be left to sign %(other)s: %(why)s",
            tier=tier_name,
            other=_tier_name(tier),
            why=why,
        )

    def _rejected_tier(self, tiers=False):
        self._kefu_check_signature()
        review = self._kefu_signable_review(tiers, rejecting=True)
        if self._kefu_distinct_tiers:
            self._kefu_check_staffing(review, rejecting=True)
        if not review:
            return None
        res = super(KefuApprovalMixin, self.sudo())._rejected_tier(review.sudo())
        self._kefu_sync_review_activities()
        return res

    def request_validation(self):
        self.check_access("write")
        reviews = super(KefuApprovalMixin, self.sudo()).request_validation()
        self._kefu_reviews_changed()
        self._kefu_sync_review_activities()
        return reviews.with_env(self.env)

    def restart_validation(self):
        self.check_access("write")
        res = super(KefuApprovalMixin, self.sudo()).restart_validation()
        self._kefu_reviews_changed()
        self._kefu_sync_review_activities()
        return res

    def _kefu_reviews_changed(self):
        # ``need_validation`` has no dependencies: left cached, a later state write
        # would make tier validation request (and sign) the reviews a second time.
        self.invalidate_recordset(["review_ids", "need_validation"])

    # Reviewers' activities (issue 18) ---------------------------------------------

    def _kefu_current_reviews(self):
        """The reviews now waiting for their reviewers: every open review of a
        request under way, but of a sequence-bound ladder only the first open tier.
        None once the request is rejected or has left its validation state."""
        self.ensure_one()
        reviews = self.env["tier.review"]
        if self[self._state_field] not in self._state_from or not self.id:
            return reviews
        if self.review_ids.filtered(lambda r: r.status == "rejected"):
            return reviews
        open_ = self.review_ids.filtered(lambda r: r.status in ("waiting", "pending"))
        if not open_:
            return reviews
        first = min(open_.mapped("sequence"))
        return open_.filtered(lambda r: not r.approve_sequence or r.sequence == first)

    def _kefu_review_days(self):
        """Working days a reviewer has; CON-3 sets its own on contract reviews."""
        return self.env["kefu.settings"].get_value("kefu_review_days")

    def _kefu_review_candidates(self, current):
        """Who is asked to sign, and which of the ``current`` reviews: each holder
        of their roles whom Validate would accept now, for the review it would
        have him sign (``_kefu_acceptable_review``). Never the people who made
        the request, those who signed a tier, nor one whose signature would leave
        another tier without a signer (ARC-9)."""
        users = current.sudo().reviewer_ids.filtered(lambda u: u.active and not u.share)
        wanted = {}
        for user in users.sorted("id"):
            review = self._kefu_acceptable_review(user) & current
            if review:
                wanted[user] = review
        return wanted

    def _kefu_sync_review_activities(self):
        """One activity per reviewer of the reviews now waiting, due at his
        working-day deadline and written in his language; activities of reviews
        signed, rejected or no longer requested are closed."""
        activity_type = self.env.ref(
            "kefu_management.mail_act_kefu_review", raise_if_not_found=False
        )
        if not activity_type:
            return
        now = fields.Datetime.now()
        Activity = self.env["mail.activity"].sudo()
        for record in self.sudo():
            current = record._kefu_current_reviews()
            unstamped = current.filtered(lambda r: not r.kefu_deadline)
            if unstamped:
                unstamped._kefu_set_deadline(now, record._kefu_review_days())
            wanted = record._kefu_review_candidates(current)
            existing = Activity.search(
                [
                    ("res_model", "=", record._name),
                    ("res_id", "=", record.id),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            for activity in existing:
                review = wanted.pop(activity.user_id, None)
                if review is None:
                    record._kefu_close_review_activity(activity)
                    continue
                due = review._kefu_due_date(activity.user_id)
                if activity.date_deadline != due:
                    activity.date_deadline = due
            for user, review in wanted.items():
                record._kefu_schedule_review_activity(activity_type, user, review)

    def _kefu_close_review_activity(self, activity):
        # The signer's own activity is done (kept in the chatter); the other
        # reviewers of the tier, or all of them when the request ended, have
        # nothing left to do.
        if activity.user_id == self.env.user:
            activity.action_feedback()
        else:
            activity.unlink()

    def _kefu_schedule_review_activity(self, activity_type, user, review):
        env = kefu_person_env(self.env, user)
        record = self.with_env(env)
        tier = review.with_env(env).sudo()
        tier_name = tier.name or tier.definition_id.name or ""
        deadline = format_datetime(
            env, review.kefu_deadline, tz=user.tz or review._kefu_tz(), dt_format="short"
        )
        record.activity_schedule(
            activity_type_id=activity_type.id,
            date_deadline=review._kefu_due_date(user),
            user_id=user.id,
            summary=env._("Review: %(tier)s", tier=tier_name),
            note=env._(
                "Please validate or reject %(document)s (%(tier)s) by %(deadline)s.",
                document=record.display_name,
                tier=tier_name,
                deadline=deadline,
            ),
        )


def _tier_name(review):
    return review.name or review.sudo().definition_id.name or ""


def _unstaffed_tier(candidates):
    """Give each tier (a set of users who may sign it) a different person, by
    augmenting paths (a request has a handful of tiers). Returns (None, None) when
    every tier gets one, else the index of the first tier left without a signer
    and the indexes of the tiers holding the people it could have had."""
    owner = {}

    def assign(index, seen):
        for user in candidates[index]:
            if user.id in seen:
                continue
            seen.add(user.id)
            if user.id not in owner or assign(owner[user.id], seen):
                owner[user.id] = index
                return True
        return False

    for index in range(len(candidates)):
        seen = set()
        if not assign(index, seen):
            return index, {owner[uid] for uid in seen if uid in owner}
    return None, None

from odoo import api, models
from odoo.exceptions import UserError


class KefuApprovalMixin(models.AbstractModel):
    """Every kefu approval: OCA tier validation, with signatures from distinct people.

    The one place that carries the tier-validation header (chatter, activities,
    tier validation, reviews generated from the tier definitions) and the signature
    rules: tier validation lets a user who belongs to several reviewer groups (a
    General Manager is also a CS Manager) sign tier after tier; the rulebook wants
    one signature per person, and never one's own request (ARC-9, CON-3, CRD-3).
    A model sets ``_state_from``, ``_state_to``, ``_cancel_state`` and, when the
    requester is not the creator, overrides ``_kefu_requester``; with
    ``_kefu_distinct_tiers`` each tier of one request is signed by a different
    holder of that tier's role (``_kefu_check_staffing``).
    """

    _name = "kefu.approval.mixin"
    _description = "Customer Service Approval"
    _inherit = ["mail.thread", "mail.activity.mixin", "tier.validation", "kefu.input.mixin"]
    _tier_validation_manual_config = False
    _kefu_distinct_tiers = False
    # The document's own submit button, which requests the validation after its
    # checks (e.g. "action_request"): tier validation's "Request Validation" would
    # be a second, unchecked way to the same step (issue 18).
    _kefu_request_button = False

    def _add_tier_validation_buttons(self, node, params):
        new_node = super()._add_tier_validation_buttons(node, params)
        if self._kefu_request_button:
            for button in new_node.xpath("//button[@name='request_validation']"):
                button.getparent().remove(button)
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

    def _kefu_check_signature(self):
        for record in self:
            if record._kefu_requester() == self.env.user:
                raise UserError(self.env._("You cannot approve your own request."))
            signed = record.review_ids.filtered(
                lambda r: r.status == "approved" and r.done_by == self.env.user
            )
            if signed:
                raise UserError(
                    self.env._(
                        "You have already signed this request: the next signature "
                        "must come from someone else."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(vals.get("review_ids") for vals in vals_list):
            self.env["tier.review"]._kefu_refuse()
        return super().create(vals_list)

    def write(self, vals):
        # Commands on review_ids would write the signatures as the user.
        if not self.env.su and vals.get("review_ids"):
            self.env["tier.review"]._kefu_refuse()
        return super().write(vals)

    def validate_tier(self):
        self._kefu_check_signature()
        return super().validate_tier()

    def reject_tier(self):
        self._kefu_check_signature()
        return super().reject_tier()

    # Reviews are signatures (tier_review.py): only these methods write them, as
    # superuser once the acting user was checked; the acting user stays the signer.

    def _kefu_signable_review(self, tiers):
        """The one review the acting user signs with this call: the first of this
        document's that tier validation lets him sign now, among ``tiers`` when
        given (the comment wizard passes review ids from the client).

        Tier validation signs in one call every consecutive review whose role the
        user holds, an implied group being enough (a General Manager is also a
        Supervisor and a CS Manager), and falls back to all the document's reviews
        when ``tiers`` is empty: one person, one signature (ARC-9)."""
        self.ensure_one()
        sequences = self._get_sequences_to_approve(self.env.user)
        reviews = self.review_ids.filtered(
            lambda r: r.sequence in sequences and r.status in ("waiting", "pending")
        )
        if tiers:
            reviews &= tiers
        return reviews.sorted("sequence")[:1]

    def _validate_tier(self, tiers=False):
        self._kefu_check_signature()
        review = self._kefu_signable_review(tiers)
        if self._kefu_distinct_tiers:
            self._kefu_check_staffing(review)
        if not review:
            return None  # nothing for this user to sign, as in tier validation
        return super(KefuApprovalMixin, self.sudo())._validate_tier(review.sudo())

    @api.depends_context("uid")
    @api.depends("review_ids.status")
    def _compute_can_review(self):
        super()._compute_can_review()
        # No Validate button where the signature would be refused (ARC-9).
        for record in self.filtered(lambda r: r._kefu_distinct_tiers and r.can_review):
            try:
                record._kefu_check_staffing(record._kefu_signable_review(False))
            except UserError:
                record.can_review = False

    def _kefu_check_staffing(self, review, rejecting=False):
        """ARC-9 with real staffing: one person may hold several roles (a General
        Manager's group implies the Supervisor's and the CS Manager's), and each tier
        of one request is signed by a different person holding that tier's role.

        A holder of a later open tier's role signs the current tier only when nobody
        else can (no holder of its role who holds no later one), and only if every
        later tier keeps a signer of its own: a holder of its role who is not the
        requester, has not signed and is needed by no other tier. A rejection, which
        ends the request, follows the first rule only."""
        self.ensure_one()
        user = self.env.user
        pending = self.review_ids.filtered(lambda r: r.status in ("waiting", "pending"))
        pending = pending.sorted("sequence")
        if not review:
            # Nothing he may sign now: say so when he waits for an earlier tier.
            later = pending[1:].filtered(lambda r: user in r.reviewer_ids)
            if pending and later:
                raise UserError(
                    self.env._(
                        "%(tier)s is signed first, by someone holding its role; you sign "
                        "%(yours)s afterwards.",
                        tier=pending[0].name or pending[0].definition_id.name,
                        yours=later[0].name or later[0].definition_id.name,
                    )
                )
            return
        later = pending.filtered(lambda r: r.sequence > review.sequence)
        if not later.filtered(lambda r: user in r.reviewer_ids):
            return
        signed = self.review_ids.filtered(lambda r: r.status == "approved").done_by

        def signers(tier):
            users = tier.sudo().reviewer_ids.filtered(lambda u: u.active and not u.share)
            return users - signed - self._kefu_requester()

        tier_name = review.name or review.definition_id.name
        if signers(review) - later.sudo().mapped("reviewer_ids"):
            raise UserError(
                self.env._(
                    "Each tier is signed by a different person holding that tier's role: "
                    "you hold the role of a later tier, so the current tier (%(tier)s) "
                    "must be signed by someone else.",
                    tier=tier_name,
                )
            )
        if not rejecting and not _distinct_signers([signers(tier) - user for tier in later]):
            raise UserError(
                self.env._(
                    "Each tier is signed by a different person holding that tier's role: "
                    "if you signed %(tier)s, nobody else would be left to sign a later "
                    "tier whose role you hold.",
                    tier=tier_name,
                )
            )

    def _rejected_tier(self, tiers=False):
        self._kefu_check_signature()
        review = self._kefu_signable_review(tiers)
        if self._kefu_distinct_tiers:
            self._kefu_check_staffing(review, rejecting=True)
        if not review:
            return None
        return super(KefuApprovalMixin, self.sudo())._rejected_tier(review.sudo())

    def request_validation(self):
        self.check_access("write")
        reviews = super(KefuApprovalMixin, self.sudo()).request_validation()
        self._kefu_reviews_changed()
        return reviews.with_env(self.env)

    def restart_validation(self):
        self.check_access("write")
        res = super(KefuApprovalMixin, self.sudo()).restart_validation()
        self._kefu_reviews_changed()
        return res

    def _kefu_reviews_changed(self):
        # ``need_validation`` has no dependencies: left cached, a later state write
        # would make tier validation request (and sign) the reviews a second time.
        self.invalidate_recordset(["review_ids", "need_validation"])


def _distinct_signers(candidates):
    """Whether each set of users can give a different person (augmenting paths:
    a request has a handful of tiers)."""
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

    return all(assign(index, set()) for index in range(len(candidates)))

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
    requester is not the creator, overrides ``_kefu_requester``.
    """

    _name = "kefu.approval.mixin"
    _description = "Customer Service Approval"
    _inherit = ["mail.thread", "mail.activity.mixin", "tier.validation"]
    _tier_validation_manual_config = False

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

    def validate_tier(self):
        self._kefu_check_signature()
        return super().validate_tier()

    def reject_tier(self):
        self._kefu_check_signature()
        return super().reject_tier()

    # Reviews are signatures (tier_review.py): only these methods write them, as
    # superuser once the acting user was checked; the acting user stays the signer.

    def _kefu_own_reviews(self, tiers):
        # The comment wizard passes review ids from the client: this document's only.
        return tiers and tiers.filtered(lambda r: r.model == self._name and r.res_id == self.id)

    def _validate_tier(self, tiers=False):
        self._kefu_check_signature()
        tiers = self._kefu_own_reviews(tiers)
        return super(KefuApprovalMixin, self.sudo())._validate_tier(tiers and tiers.sudo())

    def _rejected_tier(self, tiers=False):
        self._kefu_check_signature()
        tiers = self._kefu_own_reviews(tiers)
        return super(KefuApprovalMixin, self.sudo())._rejected_tier(tiers and tiers.sudo())

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

from odoo import api, models
from odoo.exceptions import AccessError

from .kefu_translate import kefu_shared_env


class TierReview(models.Model):
    """Reviews of kefu documents are signatures: only tier validation's own methods,
    run by ``kefu.approval.mixin`` after its checks, create, change or delete them.

    OCA gives every employee write access to ``tier.review`` (ODOO18-NOTES); other
    modules' reviews keep that behaviour.
    """

    _inherit = "tier.review"

    @api.model
    def _kefu_models(self):
        return self.env["kefu.approval.mixin"]._kefu_approval_models()

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(v.get("model") in self._kefu_models() for v in vals_list):
            self._kefu_refuse()
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and (
            # A review of another model moved onto a kefu document is a forgery too.
            vals.get("model") in self._kefu_models()
            or (self._kefu_signatures() and not self._kefu_bookkeeping(vals))
        ):
            self._kefu_refuse()
        return super().write(vals)

    @api.depends("reviewer_ids")
    def _compute_todo_by(self):
        super()._compute_todo_by()
        # Issue 18: "Group 管理员" (OCA's English prefix and the bare group name)
        # does not tell a Chinese reviewer whose turn it is: kefu's reviews name the
        # group with its application (会计 / 管理员). Stored, so written once in the
        # reader's language when given, else the company's.
        models_ = self._kefu_models()
        for review in self:
            if review.model in models_ and review.reviewer_group_id:
                group = review.reviewer_group_id.with_env(kefu_shared_env(self.env))
                review.todo_by = group.sudo().full_name

    def _kefu_bookkeeping(self, vals):
        """What tier validation writes as the user and that signs nothing: a waiting
        review becoming the current one and its ``can_review`` flag
        (``_compute_can_review``), reminders, and the comment a reviewer adds to his
        own pending review (comment wizard). Everything else is the signature."""
        reviews = self._kefu_signatures()
        if set(vals) - {"status", "can_review", "last_reminder_date", "comment"}:
            return False
        if "status" in vals and (
            vals["status"] != "pending"
            or any(review.status not in ("waiting", "pending") for review in reviews)
        ):
            return False
        return "comment" not in vals or all(
            review.status == "pending" and self.env.user in review.reviewer_ids
            for review in reviews
        )

    def unlink(self):
        if not self.env.su and self._kefu_signatures():
            self._kefu_refuse()
        return super().unlink()

    def _kefu_signatures(self):
        models_ = self._kefu_models()
        return self.sudo().filtered(lambda review: review.model in models_)

    def _kefu_refuse(self):
        raise AccessError(
            self.env._(
                "Approval signatures are given only with the Validate and Reject buttons "
                "of the document, by its reviewers."
            )
        )

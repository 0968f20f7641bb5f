from odoo import models
from odoo.exceptions import UserError


class KefuApprovalMixin(models.AbstractModel):
    """Signatures on kefu approvals (OCA tier validation) come from distinct people.

    Tier validation lets a user who belongs to several reviewer groups (a General
    Manager is also a CS Manager) sign tier after tier; the rulebook wants one
    signature per person, and never one's own request.
    """

    _name = "kefu.approval.mixin"
    _description = "Customer Service Approval Rules"

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

from odoo import models
from odoo.exceptions import AccessError


class MailActivity(models.Model):
    """ARC-10: an activity on a customer archive opens nothing of the archive.

    Odoo lets the assignee of an activity read it (summary, note, the record's
    name) and mark it done, which posts on the record as superuser, even when he
    cannot read the record. On a customer archive an activity is readable, and
    usable, only by those who may read the archive (``kefu_archive_attached.py``).
    """

    _name = "mail.activity"
    _inherit = ["mail.activity", "kefu.archive.attached.mixin"]

    def _kefu_access_error(self, forbidden):
        return AccessError(
            self.env._(
                "You may not see or use activities of a customer archive you cannot read "
                "(activities %(ids)s).",
                ids=", ".join(str(i) for i in forbidden.ids),
            )
        )

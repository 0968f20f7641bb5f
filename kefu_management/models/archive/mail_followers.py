from odoo import models
from odoo.exceptions import AccessError


class MailFollowers(models.Model):
    """ARC-10: who follows a classified archive is itself information about it,
    so an archive's followers are readable only by those who may read the archive
    (``kefu_archive_attached.py``)."""

    _name = "mail.followers"
    _inherit = ["mail.followers", "kefu.archive.attached.mixin"]

    def _kefu_access_error(self, forbidden):
        return AccessError(
            self.env._(
                "You may not see who follows a customer archive you cannot read "
                "(followers %(ids)s).",
                ids=", ".join(str(i) for i in forbidden.ids),
            )
        )

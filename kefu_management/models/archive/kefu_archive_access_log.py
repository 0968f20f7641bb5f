from odoo import fields, models
from odoo.exceptions import UserError

from .kefu_archive import SECRECY_LEVELS


class KefuArchiveAccessLog(models.Model):
    """Who opened which classified archive, and when (ARC-10). Never editable."""

    _name = "kefu.archive.access.log"
    _description = "Archive Access Log"
    _order = "id desc"

    archive_id = fields.Many2one("kefu.archive", required=True, index=True, ondelete="cascade")
    user_id = fields.Many2one("res.users", required=True, index=True)
    secrecy_level = fields.Selection(SECRECY_LEVELS, required=True)
    borrowed = fields.Boolean(string="Through a Borrowing Card")
    opened_on = fields.Datetime(required=True, default=fields.Datetime.now, index=True)

    def write(self, vals):  # pylint: disable=method-required-super
        # Never editable, not even by an administrator: no super() on purpose.
        raise UserError(self.env._("The archive access log cannot be changed."))

    def unlink(self):
        if not self.env.context.get("kefu_archive_destruction"):
            raise UserError(self.env._("The archive access log cannot be deleted."))
        return super().unlink()

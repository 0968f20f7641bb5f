from odoo import fields, models

from ...models.archive.kefu_archive import SECRECY_LEVELS


class KefuArchiveSecrecyWizard(models.TransientModel):
    """Change an archive's secrecy level or period, with a reason (ARC-11, ARC-12).
    The archive's ``action_change_secrecy`` checks who may do it."""

    _name = "kefu.archive.secrecy.wizard"
    _description = "Change Archive Secrecy"
    _rec_name = "archive_id"

    archive_id = fields.Many2one("kefu.archive", required=True, ondelete="cascade")
    secrecy_level = fields.Selection(SECRECY_LEVELS, required=True)
    secrecy_end = fields.Date(string="Secrecy Period End")
    reason = fields.Text(required=True)

    def action_apply(self):
        self.ensure_one()
        self.archive_id.action_change_secrecy(self.secrecy_level, self.secrecy_end, self.reason)
        return {"type": "ir.actions.act_window_close"}

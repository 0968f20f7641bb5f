from odoo import models


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _make_access_error(self, operation, records):
        # ARC-10: an archive closed at the due time of the reader's borrowing card
        # says so, instead of Odoo's generic refusal.
        if records._name == "kefu.archive" and operation == "read" and not self.env.su:
            error = records.env["kefu.archive.borrow"]._kefu_expired_access_error(records)
            if error:
                # As Odoo's own message does: drop what was read as superuser to
                # build it, so that no later read is served from that cache.
                records.sudo().invalidate_recordset()
                return error
        return super()._make_access_error(operation, records)

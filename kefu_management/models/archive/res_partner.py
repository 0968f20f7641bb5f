from odoo import api, fields, models

# Host first: who may read a customer's archive at all, hence the archive button
# on the contact form and its values: a clearance (every kefu role holds one) or a
# borrowing card (ARC-10). Other employees open contacts as without kefu.
ARCHIVE_READERS = (
    "kefu_management.group_kefu_clearance_secret,kefu_management.group_kefu_archive_borrower"
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Computed as the current user, never sudo: a customer's archive is
    # shown only to those who may read it (ARC-10).
    kefu_archive_count = fields.Integer(
        compute="_compute_kefu_archive", string="Archives", groups=ARCHIVE_READERS
    )
    kefu_secrecy_level = fields.Char(
        compute="_compute_kefu_archive", string="Archive Secrecy", groups=ARCHIVE_READERS
    )

    @api.depends_context("uid")
    def _compute_kefu_archive(self):
        Archive = self.env["kefu.archive"]
        labels = dict(Archive._fields["secrecy_level"]._description_selection(self.env))
        for partner in self:
            if not partner.id or not Archive.has_access("read"):
                partner.kefu_archive_count = 0
                partner.kefu_secrecy_level = False
                continue
            archive = Archive.search(
                [("partner_id", "=", partner.commercial_partner_id.id)], limit=1
            )
            partner.kefu_archive_count = len(archive)
            partner.kefu_secrecy_level = labels[archive.secrecy_level] if archive else False

    def action_open_kefu_archive(self):
        archive = self.env["kefu.archive"].search(
            [("partner_id", "=", self.commercial_partner_id.id)], limit=1
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "kefu.archive",
            "res_id": archive.id,
            "view_mode": "form",
        }

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .kefu_archive import CONTENT_FIELDS
from .kefu_archive import SECRECY_LEVELS


class KefuArchiveDestruction(models.Model):
    """Destruction of obsolete archive material (ARC-9).

    Approved in order by the Customer-Info Supervisor, the CS Manager and the
    General Manager (tier validation); only then is the archive's content erased.
    The request itself is the destruction certificate: who approved, when, what.
    """

    _name = "kefu.archive.destruction"
    _description = "Archive Destruction Request"
    # The guard first: a forged state is refused as such, before tier validation.
    _inherit = ["kefu.protected.mixin", "kefu.approval.mixin"]
    _order = "id desc"

    # Issue 12: the state and the certificate come only from action_destroy; the
    # archive is chosen at creation (checked in create) and never changed after.
    _kefu_protected_fields = (
        "state",
        "archive_id",
        "secrecy_level",
        "destroyed_on",
        "destroyed_by_id",
        "certificate",
    )
    _kefu_create_fields = ("archive_id",)

    _state_from = ["draft"]
    _state_to = ["destroyed"]
    _cancel_state = "cancelled"
    # ARC-9: each tier by a different holder of its role (the mixin's default
    # _kefu_distinct_tiers); the General Manager, whose group implies the two
    # others, signs only his own tier while someone else can sign theirs
    # (kefu.approval.mixin, _kefu_check_staffing).

    name = fields.Char(
        required=True, readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    archive_id = fields.Many2one("kefu.archive", required=True, ondelete="restrict", index=True)
    partner_id = fields.Many2one(related="archive_id.partner_id", store=True)
    reason = fields.Text(required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("destroyed", "Destroyed"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
    )
    secrecy_level = fields.Selection(SECRECY_LEVELS, readonly=True, copy=False)
    destroyed_on = fields.Datetime(readonly=True, copy=False)
    destroyed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    certificate = fields.Html(readonly=True, copy=False, sanitize=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._check_archive_readable([vals.get("archive_id") for vals in vals_list])
        requests = super().create(vals_list)
        for request in requests:
            request.name = (
                self.env["ir.sequence"].next_by_code("kefu.archive.destruction") or request.name
            )
        return requests

    def _check_archive_readable(self, archive_ids):
        # ARC-9, ARC-11: one requests the destruction only of what one may read.
        archives = (
            self.env["kefu.archive"]
            .with_context(active_test=False)
            .browse([i for i in archive_ids if i])
        )
        if archives - archives._filtered_access("read"):
            raise AccessError(
                self.env._("You cannot read this archive, so you cannot request its destruction.")
            )
        if any(archives.sudo().mapped("destroyed")):
            raise UserError(self.env._("This archive was destroyed."))

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "state",
            "destroyed_on",
            "destroyed_by_id",
            "certificate",
            "secrecy_level",
        ]

    def action_destroy(self):
        self.invalidate_recordset()
        self.check_access("write")
        for request in self:
            if request.state != "draft" or not request.validated:
                raise UserError(
                    self.env._(
                        "The destruction needs the approval of the Customer-Info Supervisor, "
                        "the CS Manager and the General Manager, in that order."
                    )
                )
            archive = request.archive_id
            archive.check_access("write")
            reviews = request.review_ids.sorted("sequence")
            lines = "".join(
                f"<li>{review.done_by.name} — {review.reviewed_date}</li>" for review in reviews
            )
            what = ", ".join(
                archive._fields[name]._description_string(self.env)
                for name in CONTENT_FIELDS
                if archive[name]
            )
            certificate = self.env._(
                "<p>Archive of %(customer)s destroyed. Erased: %(what)s.</p>"
                "<p>Approved by:</p><ul>%(lines)s</ul>",
                customer=archive.partner_id.name,
                what=what or "-",
                lines=lines,
            )
            request._kefu_protected_write(
                {
                    "state": "destroyed",
                    "destroyed_on": fields.Datetime.now(),
                    "destroyed_by_id": self.env.uid,
                    "secrecy_level": archive.secrecy_level,
                    "certificate": certificate,
                }
            )
            # Erase the content, its attachments and the chatter that may quote it.
            ctx = dict(self.env.context, kefu_archive_destruction=True)
            archive = archive.with_context(ctx)
            archive.write(dict.fromkeys(CONTENT_FIELDS, False))
            archive._kefu_protected_write({"destroyed": True})
            self.env["ir.attachment"].sudo().search(
                [("res_model", "=", "kefu.archive"), ("res_id", "=", archive.id)]
            ).unlink()
            archive.message_ids.filtered(lambda m: m.message_type != "notification").sudo().write(
                {"body": False}
            )
            archive.write({"active": False})
            request.message_post(body=self.env._("Archive content erased."))

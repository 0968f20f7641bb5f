from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .kefu_archive import SECRECY_LEVELS

# ARC-10: one line per user, archive and path within this window, so that a list
# view refreshed every few seconds does not flood the log.
LOG_WINDOW = timedelta(minutes=10)


class KefuArchiveAccessLog(models.Model):
    """Who opened which classified archive, and when (ARC-10). Never editable."""

    _name = "kefu.archive.access.log"
    _description = "Archive Access Log"
    _rec_name = "archive_id"
    _order = "id desc"

    archive_id = fields.Many2one("kefu.archive", required=True, index=True, ondelete="cascade")
    user_id = fields.Many2one("res.users", required=True, index=True)
    secrecy_level = fields.Selection(SECRECY_LEVELS, required=True)
    borrowed = fields.Boolean(string="Through a Borrowing Card")
    opened_on = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    path = fields.Selection(
        [
            ("read", "Read"),
            ("search_read", "Search and read"),
            ("web_read", "Form view"),
            ("web_search_read", "List view"),
            ("export", "Export"),
            ("report", "Print"),
        ],
        string="Read Through",
    )

    @api.model
    def _kefu_log(self, archives, path):
        """Log that the current user read the content of ``archives`` through
        ``path``: the classified ones, once per window (ARC-10)."""
        if self.env.su:
            return self
        archives = archives._origin.filtered(lambda a: a.id)
        levels = {a.id: a.secrecy_level for a in archives.sudo() if a.secrecy_level != "none"}
        if not levels:
            return self
        now = fields.Datetime.now()
        Log = self.sudo()
        recent = Log.search(
            [
                ("user_id", "=", self.env.uid),
                ("archive_id", "in", list(levels)),
                ("path", "=", path),
                ("opened_on", ">", now - LOG_WINDOW),
            ]
        )
        todo = set(levels) - set(recent.archive_id.ids)
        if not todo:
            return recent
        borrowed = archives.browse(list(todo)).filtered("borrowed_by_me").ids
        return Log.create(
            [
                {
                    "archive_id": archive_id,
                    "user_id": self.env.uid,
                    "secrecy_level": levels[archive_id],
                    "borrowed": archive_id in borrowed,
                    "opened_on": now,
                    "path": path,
                }
                for archive_id in sorted(todo)
            ]
        )

    def write(self, vals):  # pylint: disable=method-required-super
        # Never editable, not even by an administrator: no super() on purpose.
        raise UserError(self.env._("The archive access log cannot be changed."))

    def unlink(self):
        if not self.env.context.get("kefu_archive_destruction"):
            raise UserError(self.env._("The archive access log cannot be deleted."))
        return super().unlink()

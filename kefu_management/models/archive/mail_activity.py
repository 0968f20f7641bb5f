import functools

from odoo import models
from odoo.exceptions import AccessError
from odoo.osv import expression

ARCHIVE = "kefu.archive"


class MailActivity(models.Model):
    """ARC-10: an activity on a customer archive opens nothing of the archive.

    Odoo lets the assignee of an activity read it (summary, note, the record's
    name) and mark it done, which posts on the record as superuser, even when he
    cannot read the record. On a customer archive an activity is readable, and
    usable, only by those who may read the archive. Enforced in ``_search`` and
    ``_check_access`` like the archive's followers (``mail_followers.py``): a record
    rule would need kefu's fields in every registry that loads ``mail``.
    Activities of other models are untouched.
    """

    _inherit = "mail.activity"

    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su and self._kefu_may_match_archives(domain):
            archives = self.env[ARCHIVE].with_context(active_test=False)._search([])
            domain = expression.AND(
                [domain, ["|", ("res_model", "!=", ARCHIVE), ("res_id", "in", archives)]]
            )
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if self.env.su:
            return result
        allowed = self - result[0] if result else self
        on_archives = allowed.sudo().filtered(lambda a: a.res_model == ARCHIVE)
        if not on_archives:
            return result
        archives = (
            self.env[ARCHIVE].with_context(active_test=False).browse(on_archives.mapped("res_id"))
        )
        readable = set(archives._filtered_access("read").ids)
        forbidden = self.browse([a.id for a in on_archives if a.res_id not in readable])
        if not forbidden:
            return result
        if result:
            forbidden |= result[0]
        return forbidden, functools.partial(self._kefu_access_error, forbidden)

    @staticmethod
    def _kefu_may_match_archives(domain):
        """False when the domain is a plain conjunction that pins res_model to
        other models (the chatter's and the views' queries): no archive matches."""
        domain = list(domain or [])
        if any(isinstance(item, str) and item in ("|", "!") for item in domain):
            return True
        for leaf in domain:
            if isinstance(leaf, (list, tuple)) and len(leaf) == 3 and leaf[0] == "res_model":
                if leaf[1] == "=" and leaf[2] != ARCHIVE:
                    return False
                if (
                    leaf[1] == "in"
                    and isinstance(leaf[2], (list, tuple))
                    and ARCHIVE not in leaf[2]
                ):
                    return False
        return True

    def _kefu_access_error(self, forbidden):
        return AccessError(
            self.env._(
                "You may not see or use activities of a customer archive you cannot read "
                "(activities %(ids)s).",
                ids=", ".join(str(i) for i in forbidden.ids),
            )
        )

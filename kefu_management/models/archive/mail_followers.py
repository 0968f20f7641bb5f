import functools

from odoo import models
from odoo.exceptions import AccessError
from odoo.osv import expression

ARCHIVE = "kefu.archive"


class MailFollowers(models.Model):
    """ARC-10: who follows a classified archive is itself information about it,
    so an archive's followers are readable only by those who may read the archive.

    Enforced here rather than by a record rule: a rule would need a field that
    exists only while kefu is loaded (a stored rule then breaks every registry
    loaded without kefu, e.g. ``-u crm``), and Odoo evaluates record-level checks
    as superuser, where every archive is readable. Followers of any other model
    are untouched: a search that names another model costs nothing more.
    """

    _inherit = "mail.followers"

    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su and self._kefu_may_match_archives(domain):
            archives = self.env[ARCHIVE].with_context(active_test=False)._search([])
            domain = expression.AND(
                [domain, ["|", ("res_model", "!=", ARCHIVE), ("res_id", "in", archives)]]
            )
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or self.env.su:
            return result
        followers = self.sudo().filtered(lambda f: f.res_model == ARCHIVE)
        if not followers:
            return None
        # The archive's own check, as the acting user (time-bound borrowing cards).
        archives = (
            self.env[ARCHIVE].with_context(active_test=False).browse(followers.mapped("res_id"))
        )
        readable = set(archives._filtered_access("read").ids)
        forbidden = self.browse([f.id for f in followers if f.res_id not in readable])
        if not forbidden:
            return None
        return forbidden, functools.partial(self._kefu_access_error, operation, forbidden)

    def _kefu_access_error(self, operation, forbidden):
        return AccessError(
            self.env._(
                "You may not see who follows a customer archive you cannot read "
                "(followers %(ids)s, operation %(operation)s).",
                ids=", ".join(str(i) for i in forbidden.ids),
                operation=operation,
            )
        )

    @staticmethod
    def _kefu_may_match_archives(domain):
        """False when the domain is a plain conjunction that pins res_model to
        other models (the chatter's queries): no archive can match."""
        domain = list(domain or [])
        if any(isinstance(item, str) and item in ("|", "!") for item in domain):
            return True
        for leaf in domain:
            if isinstance(leaf, (list, tuple)) and len(leaf) == 3 and leaf[0] == "res_model":
                operator, value = leaf[1], leaf[2]
                if operator == "=" and value != ARCHIVE:
                    return False
                if operator == "in" and isinstance(value, (list, tuple)) and ARCHIVE not in value:
                    return False
        return True

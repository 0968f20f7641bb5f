import functools

from odoo import models
from odoo.osv import expression

ARCHIVE = "kefu.archive"


class KefuArchiveAttached(models.AbstractModel):
    """ARC-10: records attached to a customer archive by ``res_model``/``res_id``
    (its followers, its activities) are readable and usable only by those who may
    read the archive; those of any other model are untouched.

    Enforced in ``_search`` and ``_check_access`` rather than by a record rule: a
    rule would need a field that exists only while kefu is loaded (a stored rule
    then breaks every registry loaded without kefu, e.g. ``-u crm``), and Odoo
    evaluates record-level checks as superuser, where every archive is readable.
    A search that pins ``res_model`` to other models (the chatter's queries) costs
    nothing more. A model using it defines ``_kefu_access_error(forbidden)``.
    """

    _name = "kefu.archive.attached.mixin"
    _description = "Attached to a Customer Archive"

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
        attached = allowed.sudo().filtered(lambda r: r.res_model == ARCHIVE)
        if not attached:
            return result
        # The archive's own check, as the acting user (time-bound borrowing cards).
        archives = (
            self.env[ARCHIVE].with_context(active_test=False).browse(attached.mapped("res_id"))
        )
        readable = set(archives._filtered_access("read").ids)
        forbidden = self.browse([r.id for r in attached if r.res_id not in readable])
        if not forbidden:
            return result
        if result:
            forbidden |= result[0]
        return forbidden, functools.partial(self._kefu_access_error, forbidden)

    @staticmethod
    def _kefu_may_match_archives(domain):
        """False when the domain is a plain conjunction that pins res_model to
        other models: no archive can match."""
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

from odoo import api, models
from odoo.exceptions import AccessError


class KefuProtectedMixin(models.AbstractModel):
    """Integrity: states, signatures, deadlines and responsible people change only
    through their ``action_*`` methods.

    View attributes protect nothing (RPC writes any field), so a model lists the
    fields that only its actions may change in ``_kefu_protected_fields``. A direct
    ``create`` or ``write`` carrying one of them is refused for everyone; the action
    checks the acting user's right first, then writes through
    ``_kefu_protected_write`` (as superuser, which no RPC caller can be: the acting
    user stays the author of the change and of its tracking).

    At creation a protected field may carry its default value (forms send it); the
    fields listed in ``_kefu_create_fields`` may be set freely at creation, the model
    validating them in its own ``create``.
    """

    _name = "kefu.protected.mixin"
    _description = "Customer Service Protected Fields"

    _kefu_protected_fields = ()
    _kefu_create_fields = ()

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            guarded = set(self._kefu_protected_fields) - set(self._kefu_create_fields)
            for vals in vals_list:
                touched = guarded & set(vals)
                if touched:
                    defaults = self.default_get(list(touched))
                    self._kefu_refuse({f for f in touched if vals[f] != defaults.get(f, False)})
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._kefu_refuse(set(self._kefu_protected_fields) & set(vals))
        return super().write(vals)

    def _kefu_refuse(self, fields):
        if not fields:
            return
        labels = ", ".join(
            sorted(self._fields[name]._description_string(self.env) for name in fields)
        )
        raise AccessError(
            self.env._(
                "%(fields)s of a %(model)s change only through the document's own actions "
                "(buttons), which check who may do it.",
                fields=labels,
                model=self._description,
            )
        )

    def _kefu_protected_write(self, vals):
        """The write of an action, after the action checked the acting user's right."""
        return self.sudo().write(vals)

import logging
import math

from odoo import api, models

from .kefu_input_mixin import _whole_number
from .kefu_translate import kefu_lang_env

_logger = logging.getLogger(__name__)


class KefuSettings(models.AbstractModel):
    """Read the department's rulebook numbers.

    Every number of RULES.md is a field of ``res.config.settings`` stored as a
    ``config_parameter`` whose ``default`` is the rulebook's value. Reading through
    the field keeps that default in exactly one place.

    Bounds are declared on the field, next to its default, and checked here for
    the settings form and for every read:

    - ``kefu_range=(low, high)``: inclusive bounds of a number (a number without
      one must be greater than zero);
    - ``kefu_upto="other"``: not greater than the setting ``other``;
    - ``kefu_below="other"``: strictly less than the setting ``other``.
    """

    _name = "kefu.settings"
    _description = "Customer Service Settings Reader"

    @api.model
    def get_value(self, field_name):
        settings = self.env["res.config.settings"]
        field = settings._fields[field_name]
        default = field.default(settings) if field.default else False
        raw = self.env["ir.config_parameter"].sudo().get_param(field.config_parameter)
        if raw in (None, False, ""):
            return default
        if field.type == "boolean":
            return raw not in ("0", "False", "false")
        value = raw
        if field.type == "integer":
            value = _whole_number(_number(raw))
        elif field.type == "float":
            value = _number(raw)
        elif field.type == "selection" and raw not in field.get_values(self.env):
            value = None
        if value is None or self._kefu_bound_problem(field, value):
            # A bad stored parameter (set by hand, by an import, by an older
            # version) must not crash every caller: the rulebook's value applies.
            _logger.warning(
                "Setting %s: stored value %r of %s is invalid, using the default %r",
                field_name,
                raw,
                field.config_parameter,
                default,
            )
            return default
        return value

    @api.model
    def _kefu_setting_fields(self):
        """The kefu settings stored as parameters, by name."""
        return {
            name: field
            for name, field in self.env["res.config.settings"]._fields.items()
            if name.startswith("kefu_") and getattr(field, "config_parameter", None)
        }

    @api.model
    def _kefu_bound_problem(self, field, value):
        """Why ``value`` is out of the bounds declared on the setting ``field``, or ''."""
        if field.type not in ("integer", "float"):
            return ""
        env = kefu_lang_env(self.env)
        label = field._description_string(env)
        if not math.isfinite(value):
            return env._(
                "%(setting)s must be a finite number, not “%(value)s”.", setting=label, value=value
            )
        bounds = getattr(field, "kefu_range", None)
        if not bounds:
            if value <= 0:
                return env._("%(setting)s must be greater than zero.", setting=label)
            return ""
        low, high = bounds
        if not low <= value <= high:
            return env._(
                "%(setting)s must be between %(low)s and %(high)s, not %(value)s.",
                setting=label,
                low=low,
                high=high,
                value=value,
            )
        return ""

    @api.model
    def _kefu_order_problem(self, field, value, values):
        """Why ``value`` of ``field`` contradicts its ``kefu_upto``/``kefu_below``
        setting, whose values are in ``values`` (a record or a dict), or ''."""
        env = kefu_lang_env(self.env)
        fields_ = self.env["res.config.settings"]._fields
        for attribute, strict in (("kefu_upto", False), ("kefu_below", True)):
            other = getattr(field, attribute, None)
            if not other:
                continue
            limit = values[other]
            if strict and value >= limit:
                return env._(
                    "%(setting)s (%(value)s) must be less than %(other)s (%(limit)s).",
                    setting=field._description_string(env),
                    value=value,
                    other=fields_[other]._description_string(env),
                    limit=limit,
                )
            if not strict and value > limit:
                return env._(
                    "%(setting)s (%(value)s) must not be greater than %(other)s (%(limit)s).",
                    setting=field._description_string(env),
                    value=value,
                    other=fields_[other]._description_string(env),
                    limit=limit,
                )
        return ""


def _number(raw):
    try:
        return float(raw)
    except (TypeError, ValueError):
        return math.nan

import math
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .kefu_translate import kefu_lang_env

# PostgreSQL's ``integer`` (int4): Odoo's Integer columns and record ids.
INT_MIN, INT_MAX = -(2**31), 2**31 - 1


class KefuInputMixin(models.AbstractModel):
    """Bad input is refused by our own check, in the user's language, before the
    ORM or PostgreSQL reject it raw (``ValueError``, ``NumericValueOutOfRange``,
    "A string literal cannot contain NUL") or store it silently changed (3.7 in an
    Integer field becomes 3, a required text accepts ``''``).

    A model adds ``kefu.input.mixin`` to its ``_inherit``; ``create`` and ``write``
    check every value they receive for the fields of ``_kefu_input_fields``.
    """

    _name = "kefu.input.mixin"
    _description = "Customer Service Input Checks"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._kefu_check_input(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._kefu_check_input(vals)
        return super().write(vals)

    @api.model
    def _kefu_input_fields(self):
        """Names of the fields whose input is checked: all of the model's."""
        return self._fields

    @api.model
    def _kefu_check_input(self, vals):
        checked = self._kefu_input_fields()
        for name, value in vals.items():
            if name in checked and name in self._fields:
                problem = self._kefu_input_problem(self._fields[name], value)
                if problem:
                    raise ValidationError(problem)

    @api.model
    def _kefu_input_problem(self, field, value):
        """Why ``value`` cannot be stored in ``field``, in the user's language, or ''."""
        check = {
            "char": self._kefu_text_problem,
            "text": self._kefu_text_problem,
            "html": self._kefu_text_problem,
            "date": self._kefu_date_problem,
            "datetime": self._kefu_date_problem,
            "integer": self._kefu_integer_problem,
            "float": self._kefu_float_problem,
            "monetary": self._kefu_float_problem,
            "selection": self._kefu_selection_problem,
            "many2one": self._kefu_reference_problem,
        }.get(field.type)
        if not check:
            return ""
        env = kefu_lang_env(self.env)
        return check(env, field, field._description_string(env), value)

    @api.model
    def _kefu_text_problem(self, env, field, label, value):
        if isinstance(value, str) and "\x00" in value:
            return env._(
                "%(field)s contains a NUL character, which cannot be stored: remove it.",
                field=label,
            )
        if field.required and (value in (None, False) or not str(value).strip()):
            return env._("%(field)s is required and cannot be blank.", field=label)
        return ""

    @api.model
    def _kefu_date_problem(self, env, field, label, value):
        if value in (None, False) or isinstance(value, date):
            return ""
        try:
            if not isinstance(value, str):
                raise TypeError(value)
            if field.type == "date":
                fields.Date.to_date(value)
            else:
                fields.Datetime.to_datetime(value)
        except (TypeError, ValueError):
            if field.type == "date":
                return env._(
                    "%(field)s: “%(value)s” is not a valid date; enter it as "
                    "YYYY-MM-DD, for example 2027-12-31.",
                    field=label,
                    value=_shown(value),
                )
            return env._(
                "%(field)s: “%(value)s” is not a valid date and time; enter it as "
                "YYYY-MM-DD HH:MM:SS, for example 2027-12-31 17:00:00.",
                field=label,
                value=_shown(value),
            )
        return ""

    @api.model
    def _kefu_integer_problem(self, env, field, label, value):
        if value in (None, False, True):
            return ""
        number = _whole_number(value)
        if number is None:
            return env._(
                "%(field)s must be a whole number, not “%(value)s”.",
                field=label,
                value=_shown(value),
            )
        if not INT_MIN <= number <= INT_MAX:
            return env._(
                "%(field)s: %(value)s is out of range (%(min)s to %(max)s).",
                field=label,
                value=_shown(value),
                min=INT_MIN,
                max=INT_MAX,
            )
        return ""

    @api.model
    def _kefu_float_problem(self, env, field, label, value):
        if value in (None, False):
            return ""
        try:
            number = float(value) if isinstance(value, (int, float, str)) else math.nan
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            return env._(
                "%(field)s must be a finite number, not “%(value)s”.",
                field=label,
                value=_shown(value),
            )
        return ""

    @api.model
    def _kefu_selection_problem(self, env, field, label, value):
        if value not in (None, False) and value not in field.get_values(self.env):
            return env._(
                "%(field)s: “%(value)s” is not one of the allowed values.",
                field=label,
                value=_shown(value),
            )
        return ""

    @api.model
    def _kefu_reference_problem(self, env, field, label, value):
        if isinstance(value, int) and not INT_MIN <= value <= INT_MAX:
            return env._(
                "%(field)s: %(value)s is not a valid record reference.",
                field=label,
                value=_shown(value),
            )
        return ""


def _shown(value):
    """``value`` as a short, printable text for a message."""
    return str(value).replace("\x00", "\\0")[:40]


def _whole_number(value):
    """``value`` as an int when it is a whole number (3, 3.0, "3"), else None."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and value.is_integer() else None
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None

from odoo import api, models


class KefuSettings(models.AbstractModel):
    """Read the department's rulebook numbers.

    Every number of RULES.md is a field of ``res.config.settings`` stored as a
    ``config_parameter`` whose ``default`` is the rulebook's value. Reading through
    the field keeps that default in exactly one place.
    """

    _name = "kefu.settings"
    _description = "Customer Service Settings Reader"

    @api.model
    def get_value(self, field_name):
        settings = self.env["res.config.settings"]
        field = settings._fields[field_name]
        raw = self.env["ir.config_parameter"].sudo().get_param(field.config_parameter)
        if raw in (None, False, ""):
            return field.default(settings) if field.default else False
        if field.type == "integer":
            return int(float(raw))
        if field.type == "float":
            return float(raw)
        if field.type == "boolean":
            return raw not in ("0", "False", "false")
        return raw

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    """Customer Service section of Odoo Settings.

    Each number of ../shared/RULES.md is a ``config_parameter`` with the
    rulebook's value as ``default``; ``kefu.settings`` reads them.
    """

    _inherit = "res.config.settings"

    kefu_calendar_id = fields.Many2one(
        related="company_id.resource_calendar_id",
        readonly=False,
        string="Customer Service Working Time",
    )
    # ARC-2: the customer data form within 3 days of contract signature,
    # filed by CS within 24 hours of receipt.
    kefu_arc_form_days = fields.Integer(
        string="Customer Data Form Due (working days)",
        config_parameter="kefu_management.arc_form_days",
        default=3,
    )
    kefu_arc_filing_hours = fields.Integer(
        string="Archive Filing Due (working hours)",
        config_parameter="kefu_management.arc_filing_hours",
        default=24,
    )
    # ARC-3: personal details of existing customers within one month.
    kefu_arc_personal_days = fields.Integer(
        string="Personal Details Due (days)",
        config_parameter="kefu_management.arc_personal_days",
        default=30,
    )
    # ARC-5: re-verification every quarter.
    kefu_arc_reverify_days = fields.Integer(
        string="Archive Re-verification Interval (days)",
        config_parameter="kefu_management.arc_reverify_days",
        default=90,
    )
    # ARC-15: first contact within one week of allocation.
    kefu_arc_first_contact_days = fields.Integer(
        string="First Contact After Allocation (working days)",
        config_parameter="kefu_management.arc_first_contact_days",
        default=5,
    )

    # Every rulebook number must stay positive; later addons' settings named
    # kefu_* are covered as well.
    @api.constrains(
        lambda self: [
            name
            for name, field in self._fields.items()
            if name.startswith("kefu_") and field.type in ("integer", "float")
        ]
    )
    def _check_kefu_positive(self):
        for settings in self:
            for name, field in settings._fields.items():
                if name.startswith("kefu_") and field.type in ("integer", "float"):
                    if field.config_parameter and settings[name] <= 0:
                        raise ValidationError(
                            self.env._(
                                "%(setting)s must be greater than zero.",
                                setting=field._description_string(self.env),
                            )
                        )

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .kefu_translate import kefu_lang_env


class ResConfigSettings(models.TransientModel):
    """Customer Service section of Odoo Settings.

    Each number of ../shared/RULES.md is a ``config_parameter`` with the
    rulebook's value as ``default``; ``kefu.settings`` reads them.
    """

    _name = "res.config.settings"
    _inherit = ["res.config.settings", "kefu.input.mixin"]

    kefu_calendar_id = fields.Many2one(
        related="company_id.resource_calendar_id",
        readonly=False,
        string="Customer Service Working Time",
    )
    # Every deadline is computed, shown and mailed from this time zone (China's by
    # default, see resource.calendar._kefu_default_tz).
    kefu_calendar_tz = fields.Selection(
        related="kefu_calendar_id.tz",
        readonly=False,
        string="Working Time Zone",
    )
    # ARC-2: the customer data form within 3 days of contract signature,
    # filed by CS within 24 hours of receipt.
    kefu_arc_form_days = fields.Integer(
        string="Customer Data Form Due (working days)",
        config_parameter="kefu_management.arc_form_days",
        default=3,
        kefu_range=(1, 30),
    )
    kefu_arc_filing_hours = fields.Integer(
        string="Archive Filing Due (working hours)",
        config_parameter="kefu_management.arc_filing_hours",
        default=24,
        kefu_range=(1, 240),
    )
    # ARC-3: personal details of existing customers within one month.
    kefu_arc_personal_days = fields.Integer(
        string="Personal Details Due (days)",
        config_parameter="kefu_management.arc_personal_days",
        default=30,
        kefu_range=(1, 366),
    )
    # ARC-5: re-verification every quarter.
    kefu_arc_reverify_days = fields.Integer(
        string="Archive Re-verification Interval (days)",
        config_parameter="kefu_management.arc_reverify_days",
        default=90,
        kefu_range=(1, 730),
    )
    # ARC-15: first contact within one week of allocation.
    kefu_arc_first_contact_days = fields.Integer(
        string="First Contact After Allocation (working days)",
        config_parameter="kefu_management.arc_first_contact_days",
        default=5,
        kefu_range=(1, 60),
    )
    # ARC-7: who signs a borrowing card first when hr does not name the
    # borrower's department manager.
    kefu_borrow_approver_group_id = fields.Many2one(
        "res.groups",
        string="Borrowing Card Signers",
        config_parameter="kefu_management.borrow_approver_group_id",
        default=lambda self: self.env["ir.model.data"]._xmlid_to_res_id(
            "kefu_management.group_kefu_department_manager", raise_if_not_found=False
        ),
        help="Department managers who sign borrowing cards, when the hr app is not installed "
        "or does not name the borrower's manager.",
    )

    @api.model
    def _valid_field_parameter(self, field, name):
        # kefu_range / kefu_upto / kefu_below: a setting's bounds, declared with
        # it and checked by kefu.settings.
        return name in ("kefu_range", "kefu_upto", "kefu_below") or super()._valid_field_parameter(
            field, name
        )

    @api.model
    def _kefu_input_fields(self):
        # Host first: only kefu's settings are checked by kefu.input.mixin.
        return [name for name in self._fields if name.startswith("kefu_")]

    # Every rulebook number within its declared bounds, and in order with the
    # setting it is declared against; later addons' kefu settings are covered too.
    @api.constrains(lambda self: list(self.env["kefu.settings"]._kefu_setting_fields()))
    def _check_kefu_bounds(self):
        reader = self.env["kefu.settings"]
        for settings in self:
            for name, field in reader._kefu_setting_fields().items():
                problem = reader._kefu_bound_problem(
                    field, settings[name]
                ) or reader._kefu_order_problem(field, settings[name], settings)
                if problem:
                    raise ValidationError(problem)

    def set_values(self):
        super().set_values()
        # Odoo stores a number setting of 0 as unset, which reads back as the
        # default: a kefu setting whose bounds allow 0 (calls from 00:00) keeps it.
        params = self.env["ir.config_parameter"].sudo()
        for name, field in self.env["kefu.settings"]._kefu_setting_fields().items():
            low = (getattr(field, "kefu_range", None) or (1,))[0]
            if field.type in ("integer", "float") and low <= 0 and self[name] == 0:
                params.set_param(field.config_parameter, repr(self[name]))

    @api.model_create_multi
    def create(self, vals_list):
        # Every deadline is computed in the calendar's time zone: it cannot be
        # emptied (refused before the related field writes anything).
        for vals in vals_list:
            if "kefu_calendar_tz" in vals and not vals["kefu_calendar_tz"]:
                calendar = self.env["resource.calendar"].browse(
                    vals.get("kefu_calendar_id", self.env.company.resource_calendar_id.id)
                )
                if calendar:
                    raise ValidationError(
                        kefu_lang_env(self.env)._(
                            "Choose the time zone of the working calendar %(calendar)s.",
                            calendar=calendar.display_name,
                        )
                    )
        return super().create(vals_list)

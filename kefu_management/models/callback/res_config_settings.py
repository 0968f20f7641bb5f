from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    """Callback numbers of the rulebook (CBK-1 ... CBK-6)."""

    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    # CBK-1: call back within 3 working days of the installation or delivery.
    kefu_cbk_due_days = fields.Integer(
        string="Callback Due After Service (working days)",
        config_parameter="kefu_management.cbk_due_days",
        default=3,
        kefu_range=(1, 60),
    )
    kefu_cbk_plan_delay_days = fields.Integer(
        string="Plan Callback After Service (working days)",
        config_parameter="kefu_management.cbk_plan_delay_days",
        default=1,
        help="The planner proposes the call this many working days after the service, "
        "within the due time.",
        kefu_range=(1, 60),
        kefu_upto="kefu_cbk_due_days",
    )
    # CBK-1: a call lasts 3-5 minutes; calls outside are flagged, not refused.
    kefu_cbk_min_minutes = fields.Integer(
        string="Shortest Expected Call (minutes)",
        config_parameter="kefu_management.cbk_min_minutes",
        default=3,
        kefu_range=(1, 240),
        kefu_upto="kefu_cbk_max_minutes",
    )
    kefu_cbk_max_minutes = fields.Integer(
        string="Longest Expected Call (minutes)",
        config_parameter="kefu_management.cbk_max_minutes",
        default=5,
        kefu_range=(1, 240),
    )
    # CBK-2: feedback to the store within one working day.
    kefu_cbk_feedback_days = fields.Integer(
        string="Store Feedback Due (working days)",
        config_parameter="kefu_management.cbk_feedback_days",
        default=1,
        kefu_range=(1, 30),
    )
    # CBK-3: the customer's rest time (customer's timezone), default windows. The
    # rulebook names no hours: 9-21 and 12-14 are this product's defaults (help).
    kefu_cbk_call_from = fields.Float(
        string="Calls Allowed From",
        config_parameter="kefu_management.cbk_call_from",
        default=9.0,
        kefu_range=(0, 24),
        kefu_below="kefu_cbk_call_to",
        help="The rulebook asks not to disturb the customer's rest but names no hours: "
        "9:00-21:00 is kefu's default, set your company's own window (customer's time zone).",
    )
    kefu_cbk_call_to = fields.Float(
        string="Calls Allowed Until",
        config_parameter="kefu_management.cbk_call_to",
        default=21.0,
        kefu_range=(1, 24),
        help="The rulebook asks not to disturb the customer's rest but names no hours: "
        "9:00-21:00 is kefu's default, set your company's own window (customer's time zone).",
    )
    kefu_cbk_rest_from = fields.Float(
        string="Midday Rest From",
        config_parameter="kefu_management.cbk_rest_from",
        default=12.0,
        kefu_range=(0, 24),
        kefu_upto="kefu_cbk_rest_to",
        help="The rulebook names no midday rest: 12:00-14:00 is kefu's default, set your "
        "customers' usual rest (customer's time zone).",
    )
    kefu_cbk_rest_to = fields.Float(
        string="Midday Rest Until",
        config_parameter="kefu_management.cbk_rest_to",
        default=14.0,
        kefu_range=(0, 24),
        help="The rulebook names no midday rest: 12:00-14:00 is kefu's default, set your "
        "customers' usual rest (customer's time zone).",
    )
    # CBK-3: 100% coverage of key customers per month; Team Leaders are
    # warned this many days before the month ends.
    kefu_cbk_coverage_target = fields.Integer(
        string="Key-Customer Coverage Target (%)",
        config_parameter="kefu_management.cbk_coverage_target",
        default=100,
        kefu_range=(1, 100),
    )
    kefu_cbk_coverage_warn_days = fields.Integer(
        string="Warn Before Period End (days)",
        config_parameter="kefu_management.cbk_coverage_warn_days",
        default=5,
        kefu_range=(1, 31),
    )
    # CBK-4: special callbacks are planned ahead of their date.
    kefu_cbk_special_lead_days = fields.Integer(
        string="Plan Special Callbacks Ahead (days)",
        config_parameter="kefu_management.cbk_special_lead_days",
        default=1,
        kefu_range=(1, 90),
    )
    # CBK-5: delivered projects monthly in their first year, quarterly afterwards.
    kefu_cbk_project_first_months = fields.Integer(
        string="Project First Period (months)",
        config_parameter="kefu_management.cbk_project_first_months",
        default=12,
        kefu_range=(1, 120),
    )
    kefu_cbk_project_early_months = fields.Integer(
        string="Project Callback Interval in First Period (months)",
        config_parameter="kefu_management.cbk_project_early_months",
        default=1,
        kefu_range=(1, 12),
    )
    kefu_cbk_project_late_months = fields.Integer(
        string="Project Callback Interval Afterwards (months)",
        config_parameter="kefu_management.cbk_project_late_months",
        default=3,
        kefu_range=(1, 24),
    )
    # CBK-6: the team whose agents share the callbacks.
    kefu_cbk_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Callback Team",
        config_parameter="kefu_management.cbk_team_id",
    )

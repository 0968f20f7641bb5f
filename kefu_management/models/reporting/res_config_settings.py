from odoo import fields, models

from ..base.kefu_makeup_day import WEEKDAYS


class ResConfigSettings(models.TransientModel):
    """RPT-1 ... RPT-5: the department reports' numbers."""

    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    # RPT-2 / RPT-4: the monthly reports are due before the 22nd ...
    kefu_rpt_deadline_day = fields.Integer(
        string="Monthly Reports Due on Day",
        config_parameter="kefu_management.rpt_deadline_day",
        default=22,
        kefu_range=(1, 31),
    )
    # ... and are generated this many working days before it.
    kefu_rpt_days_before_22 = fields.Integer(
        string="Generate Working Days Before",
        config_parameter="kefu_management.rpt_days_before_22",
        default=1,
        kefu_range=(1, 20),
    )
    # RPT-1: the weekly summary for the Friday meeting (moved to the working day
    # before when that day is not one).
    kefu_rpt_weekly_weekday = fields.Selection(
        WEEKDAYS,
        string="Weekly Summary Weekday",
        config_parameter="kefu_management.rpt_weekly_weekday",
        default="4",
    )
    # RPT-4: the supervision report goes to the General Manager at month end
    # (0 = the last day of the month).
    kefu_rpt_supervision_days_before_end = fields.Integer(
        string="Supervision Report Days Before Month End",
        config_parameter="kefu_management.rpt_supervision_days_before_end",
        default=0,
        kefu_range=(0, 27),
    )
    kefu_rpt_top_causes = fields.Integer(
        string="Top Complaint Causes Listed",
        config_parameter="kefu_management.rpt_top_causes",
        default=5,
        kefu_range=(1, 50),
    )

from odoo import fields, models

from ..base.kefu_makeup_day import WEEKDAYS


class ResConfigSettings(models.TransientModel):
    """ARC-4, ARC-5: the archive settings that move stored dates or due dates."""

    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    # ARC-4: the Customer Information Report is due on the first Monday of the month.
    kefu_arc_report_weekday = fields.Selection(
        WEEKDAYS,
        string="Customer Information Report Weekday",
        config_parameter="kefu_management.arc_report_weekday",
        default="0",
    )
    kefu_arc_report_week = fields.Integer(
        string="Customer Information Report Week of the Month",
        config_parameter="kefu_management.arc_report_week",
        default=1,
        # Every month has at least four of each weekday.
        kefu_range=(1, 4),
    )

    # ARC-14: the on-time targets and their weights in the management performance.
    kefu_arc_sales_filing_target = fields.Integer(
        string="Sales Filing On-time Target (%)",
        config_parameter="kefu_management.arc_sales_filing_target",
        default=100,
        kefu_range=(1, 100),
    )
    kefu_arc_sales_filing_weight = fields.Integer(
        string="Sales Filing Weight (%)",
        config_parameter="kefu_management.arc_sales_filing_weight",
        default=10,
        # The rulebook: at least 10% of the management performance.
        kefu_range=(10, 100),
    )
    kefu_arc_cs_update_target = fields.Integer(
        string="CS Archive Update On-time Target (%)",
        config_parameter="kefu_management.arc_cs_update_target",
        default=100,
        kefu_range=(1, 100),
    )
    kefu_arc_cs_update_weight = fields.Integer(
        string="CS Archive Update Weight (%)",
        config_parameter="kefu_management.arc_cs_update_weight",
        default=20,
        # The rulebook: at least 20% of the management performance.
        kefu_range=(20, 100),
    )

    def set_values(self):
        # ARC-5: a new re-verification interval moves the stored next date of the
        # open archives, in both directions.
        reader = self.env["kefu.settings"]
        before = reader.get_value("kefu_arc_reverify_days")
        res = super().set_values()
        if reader.get_value("kefu_arc_reverify_days") != before:
            self.env["kefu.archive"]._kefu_recompute_verification()
        return res

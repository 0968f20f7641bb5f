from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # CRD-6: periodic investigation of each tier, in months.
    kefu_crd_review_months_a = fields.Integer(
        string="Tier A Review Interval (months)",
        config_parameter="kefu_credit.review_months_a",
        default=6,
        kefu_range=(1, 36),
    )
    kefu_crd_review_months_b = fields.Integer(
        string="Tier B Review Interval (months)",
        config_parameter="kefu_credit.review_months_b",
        default=3,
        kefu_range=(1, 36),
    )
    kefu_crd_review_months_c = fields.Integer(
        string="Tier C Review Interval (months)",
        config_parameter="kefu_credit.review_months_c",
        default=1,
        kefu_range=(1, 36),
    )
    kefu_crd_review_months_d = fields.Integer(
        string="Tier D Review Interval (months)",
        config_parameter="kefu_credit.review_months_d",
        default=1,
        kefu_range=(1, 36),
    )
    # CRD-2: tier A's limit is the average daily invoiced sales of this window
    # times the days of the contract's payment term.
    kefu_crd_sales_window_days = fields.Integer(
        string="Sales Window for Tier A Limit (days)",
        config_parameter="kefu_credit.sales_window_days",
        default=90,
        kefu_range=(1, 730),
    )
    # CRD-4: working days for the sales person to complete an investigation.
    kefu_crd_investigation_days = fields.Integer(
        string="Investigation Due (working days)",
        config_parameter="kefu_credit.investigation_days",
        default=5,
        kefu_range=(1, 60),
    )
    # CRD-3: over-limit amounts above this go to the General Manager.
    kefu_crd_gm_approval_amount = fields.Float(
        string="Over-limit Amount Needing the General Manager",
        config_parameter="kefu_credit.gm_approval_amount",
        default=100000.0,
        kefu_range=(1, 10**12),
    )

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # Issue 18: every reviewer of a kefu approval is told his deadline. CON-3 gives
    # contract reviewers one working day; the other approvals take this default.
    kefu_review_days = fields.Integer(
        string="Review Due (working days)",
        config_parameter="kefu_management.review_days",
        default=1,
        kefu_range=(1, 30),
    )

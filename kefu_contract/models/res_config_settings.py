from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # CON-3: each reviewer (Finance, Legal) finishes within one working day.
    kefu_con_review_days = fields.Integer(
        string="Contract Review Due (working days)",
        config_parameter="kefu_contract.review_days",
        default=1,
        kefu_range=(1, 30),
    )
    # CON-3: a reminder this many working hours before a review falls due.
    kefu_con_reminder_hours = fields.Integer(
        string="Review Reminder Before Due (working hours)",
        config_parameter="kefu_contract.reminder_hours",
        default=2,
        kefu_range=(1, 24),
    )
    # CON-6: the signed contract reaches CS custody within one working day.
    kefu_con_custody_days = fields.Integer(
        string="Signed Contract to Custody (working days)",
        config_parameter="kefu_contract.custody_days",
        default=1,
        kefu_range=(1, 30),
    )

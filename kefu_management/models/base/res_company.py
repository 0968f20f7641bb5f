from odoo import models


class ResCompany(models.Model):
    _inherit = "res.company"

    def write(self, vals):
        result = super().write(vals)
        if "resource_calendar_id" in vals:
            # Another working calendar for the company: its open deadlines follow.
            self.resource_calendar_id._kefu_recompute_open_deadlines()
        return result

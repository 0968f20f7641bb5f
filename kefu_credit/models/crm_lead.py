from odoo import fields, models

from .res_partner import CREDIT_READERS


class CrmLead(models.Model):
    _inherit = "crm.lead"

    kefu_credit_tier = fields.Selection(
        related="partner_id.commercial_partner_id.kefu_credit_tier",
        string="Credit Tier",
        groups=CREDIT_READERS,
    )
    kefu_credit_suspended = fields.Boolean(
        related="partner_id.commercial_partner_id.kefu_credit_suspended",
        string="Supply Suspended",
        groups=CREDIT_READERS,
    )

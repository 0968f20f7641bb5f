from odoo import fields, models


class KefuEnquiryType(models.Model):
    """What a customer contacts us about (SVC-2); admins can add types."""

    _name = "kefu.enquiry.type"
    _inherit = ["kefu.response.limit.mixin"]
    _description = "Enquiry Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_complaint = fields.Boolean(
        string="Complaint", help="Tickets of this type follow the complaint closed loop."
    )
    description = fields.Text()

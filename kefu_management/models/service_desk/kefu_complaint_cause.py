from odoo import fields, models


class KefuComplaintCause(models.Model):
    """CMP-6: root causes for the complaint analysis."""

    _name = "kefu.complaint.cause"
    _description = "Complaint Cause"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

from odoo import fields, models


class KefuComplaintCategory(models.Model):
    """CMP-3: product quality, service attitude, delivery, price, other."""

    _name = "kefu.complaint.category"
    _description = "Complaint Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_unique", "unique(name)", "A complaint category with this name already exists.")
    ]

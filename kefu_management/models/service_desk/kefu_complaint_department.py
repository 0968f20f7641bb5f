from odoo import fields, models


class KefuComplaintDepartment(models.Model):
    """CMP-3: the department a complaint is passed to, and who answers for it."""

    _name = "kefu.complaint.department"
    _description = "Responsible Department"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    user_id = fields.Many2one("res.users", string="Responsible", domain=[("share", "=", False)])

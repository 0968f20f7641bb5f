from odoo import fields, models


class KefuCreditMeasure(models.Model):
    """CRD-8 / CRD-10: measures the superior may decide on an emergency report."""

    _name = "kefu.credit.measure"
    _description = "Credit Measure"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    suspends_supply = fields.Boolean(
        help="Once decided, orders cannot be confirmed nor deliveries validated "
        "for the customer until the measure is lifted."
    )
    description = fields.Text(translate=True)

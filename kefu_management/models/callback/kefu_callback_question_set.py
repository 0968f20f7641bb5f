from odoo import fields, models


class KefuCallbackQuestion(models.Model):
    """CMP-5: a complaint's callback asks its own short question set; every other
    callback asks the after-delivery/installation form (CBK-1)."""

    _inherit = "kefu.callback.question"

    question_set = fields.Selection(
        [("service", "After Delivery or Installation"), ("complaint", "After Complaint")],
        required=True,
        default="service",
        index=True,
        help="The callbacks that ask this question: a complaint's callback asks the "
        "complaint set, every other callback the after-delivery/installation set.",
    )

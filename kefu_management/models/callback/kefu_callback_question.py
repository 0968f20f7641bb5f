from odoo import fields, models


class KefuCallbackQuestion(models.Model):
    """A question of the callback form (回访登记表, CBK-1), maintained by managers."""

    _name = "kefu.callback.question"
    _description = "Callback Form Question"
    _order = "sequence, id"

    name = fields.Char(string="Question", required=True, translate=True)
    sequence = fields.Integer(default=10)
    answer_type = fields.Selection(
        [("yes_no", "Yes / No"), ("text", "Free Text")],
        required=True,
        default="yes_no",
    )
    active = fields.Boolean(default=True)
    answer_ids = fields.One2many("kefu.callback.answer", "question_id", string="Answers")

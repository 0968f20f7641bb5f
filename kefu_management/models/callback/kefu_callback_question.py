from odoo import api, fields, models, tools


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

    @api.model_create_multi
    def create(self, vals_list):
        questions = super().create(vals_list)
        self.env.registry.clear_cache()
        return questions

    def write(self, vals):
        result = super().write(vals)
        self.env.registry.clear_cache()
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()
        return result

    @api.model
    @tools.ormcache()
    def _kefu_form_index(self):
        """{question set: (question id, ...)} of the active questions in form order:
        every new callback asks for it, the questions change a few times a year."""
        index = {}
        questions = self.sudo().with_context(active_test=True).search_read([], ["question_set"])
        for question in questions:
            index.setdefault(question["question_set"], []).append(question["id"])
        return {key: tuple(ids) for key, ids in index.items()}

    @api.model
    def _kefu_form_question_ids(self, question_set):
        """Ids of the active questions of a set (CBK-1, CMP-5), in form order."""
        return self._kefu_form_index().get(question_set, ())

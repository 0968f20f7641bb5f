from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class KefuCallbackAnswer(models.Model):
    """One answer of a callback form (CBK-1); reportable per question."""

    _name = "kefu.callback.answer"
    _description = "Callback Form Answer"
    _rec_name = "question_id"
    _order = "callback_id, sequence, id"

    callback_id = fields.Many2one("kefu.callback", required=True, ondelete="cascade", index=True)
    question_id = fields.Many2one("kefu.callback.question", required=True, ondelete="restrict")
    sequence = fields.Integer(related="question_id.sequence", store=True, precompute=True)
    answer_type = fields.Selection(related="question_id.answer_type")
    answer = fields.Selection([("yes", "Yes"), ("no", "No")])
    answer_text = fields.Text(string="Answer Text")
    # Stored for per-question analysis (pivot, graph, summary report).
    # Precomputed: a new form is inserted with them, not updated after (issue 17).
    partner_id = fields.Many2one(
        related="callback_id.partner_id", store=True, precompute=True, string="Customer"
    )
    user_id = fields.Many2one(
        related="callback_id.user_id", store=True, precompute=True, string="Agent"
    )
    callback_date = fields.Datetime(
        related="callback_id.date_start", store=True, precompute=True, string="Callback Time"
    )
    yes_count = fields.Integer(string="Yes", compute="_compute_counts", store=True, precompute=True)
    no_count = fields.Integer(string="No", compute="_compute_counts", store=True, precompute=True)

    _sql_constraints = [
        (
            "question_unique",
            "unique(callback_id, question_id)",
            "Each question is answered once per callback.",
        )
    ]

    @api.depends("answer")
    def _compute_counts(self):
        for line in self:
            line.yes_count = 1 if line.answer == "yes" else 0
            line.no_count = 1 if line.answer == "no" else 0

    @api.constrains("callback_id", "question_id")
    def _check_answered_once(self):
        if self.env.context.get("kefu_blank_form"):
            return  # the blank form of a new callback: one line per question
        for line in self:
            twins = line.callback_id.answer_ids.filtered(
                lambda other, line=line: other.question_id == line.question_id
            )
            if len(twins) > 1:
                raise ValidationError(
                    self.env._(
                        "The question %(question)s is already answered on this callback.",
                        question=line.question_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.context.get("kefu_blank_form"):
            # The blank form of callbacks created just now (kefu.callback.create).
            return super().create(vals_list)
        callbacks = self.env["kefu.callback"].browse(
            [vals["callback_id"] for vals in vals_list if vals.get("callback_id")]
        )
        callbacks._check_form_open()
        # Answering a question twice: a clear message rather than the SQL error,
        # found with one query for the whole batch.
        pairs = [
            (vals["callback_id"], vals["question_id"])
            for vals in vals_list
            if vals.get("callback_id") and vals.get("question_id")
        ]
        if pairs:
            existing = self.sudo().search_read(
                [("callback_id", "in", [pair[0] for pair in pairs])], ["callback_id", "question_id"]
            )
            seen = {(line["callback_id"][0], line["question_id"][0]) for line in existing}
            for pair in pairs:
                if pair in seen:
                    question = self.env["kefu.callback.question"].browse(pair[1])
                    raise ValidationError(
                        self.env._(
                            "The question %(question)s is already answered on this callback.",
                            question=question.name,
                        )
                    )
                seen.add(pair)
        return super().create(vals_list)

    def write(self, vals):
        if {"answer", "answer_text", "question_id", "callback_id"} & set(vals):
            self.callback_id._check_form_open()
        return super().write(vals)

    def unlink(self):
        if self.callback_id.filtered("form_done"):
            raise UserError(self.env._("The callback form was already answered."))
        return super().unlink()

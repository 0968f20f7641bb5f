from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

CALLBACK_STATES = [
    ("planned", "Planned"),
    ("done", "Done"),
    ("no_answer", "No Answer"),
    ("refused", "Refused"),
    ("cancelled", "Cancelled"),
]


class KefuCallback(models.Model):
    """A callback (回访) to a customer, with its form (CBK-1), its feedback to
    the responsible store (CBK-2) and its place in the coverage (CBK-3)."""

    _name = "kefu.callback"
    _description = "Callback"
    # The guard first: a state written directly (a kanban drag, RPC) is refused.
    _inherit = ["kefu.protected.mixin", "mail.thread", "mail.activity.mixin", "kefu.input.mixin"]
    _order = "planned_date desc, id desc"

    # The state moves only through the action_* buttons, which check it (issue 18).
    _kefu_protected_fields = ("state",)

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, tracking=True, index=True
    )
    key_customer = fields.Boolean(
        related="partner_id.kefu_key_customer", store=True, precompute=True, string="Key Customer"
    )
    callback_type = fields.Selection(
        [
            ("service", "After Delivery or Installation"),
            ("complaint", "After Complaint"),
            ("project", "Project Follow-up"),
            ("special", "Special"),
            ("coverage", "Key-Customer Coverage"),
            ("manual", "Manual"),
        ],
        string="Type",
        required=True,
        default="manual",
        tracking=True,
    )
    source_id = fields.Many2one(
        "kefu.callback.source", string="Delivery, Installation or Project", index=True
    )
    ticket_id = fields.Many2one("helpdesk.ticket", string="Ticket", index=True)
    special_id = fields.Many2one("kefu.callback.special", string="Special Callback", index=True)
    team_id = fields.Many2one("helpdesk.ticket.team", string="Team")
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        tracking=True,
        index=True,
        default=lambda self: self.env.user,
    )
    state = fields.Selection(
        CALLBACK_STATES, required=True, default="planned", tracking=True, index=True
    )
    planned_date = fields.Datetime(
        string="Planned Time", required=True, tracking=True, default=fields.Datetime.now
    )
    deadline_date = fields.Datetime(string="Due by", tracking=True)
    rest_reason = fields.Text(
        string="Reason for Calling in Rest Time",
        help="Required when the planned time lies in the customer's rest time (CBK-3).",
    )
    date_start = fields.Datetime(string="Call Started", copy=False)
    date_end = fields.Datetime(string="Call Ended", copy=False)
    duration = fields.Float(
        string="Duration (minutes)",
        compute="_compute_duration",
        store=True,
        precompute=True,
        aggregator="avg",
    )
    duration_flag = fields.Selection(
        [("short", "Too Short"), ("long", "Too Long")],
        string="Duration Outside Guideline",
        compute="_compute_duration",
        store=True,
        precompute=True,
    )
    outcome = fields.Text()
    comment = fields.Text(help="The customer's opinions and suggestions (CBK-4).")
    satisfaction = fields.Selection(
        [
            ("5", "Very Satisfied"),
            ("4", "Satisfied"),
            ("3", "Neutral"),
            ("2", "Dissatisfied"),
            ("1", "Very Dissatisfied"),
        ],
        tracking=True,
    )
    satisfaction_score = fields.Float(
        compute="_compute_satisfaction_score", store=True, precompute=True, aggregator="avg"
    )
    done_count = fields.Integer(
        string="Done Callbacks", compute="_compute_done_count", store=True, precompute=True
    )
    answer_ids = fields.One2many("kefu.callback.answer", "callback_id", string="Answers")
    form_done = fields.Boolean(string="Form Answered", readonly=True, copy=False)
    # CBK-2: feedback to the store or dealer.
    store_id = fields.Many2one("res.partner", string="Responsible Store", tracking=True)
    feedback_state = fields.Selection(
        [
            ("none", "No Store"),
            ("to_send", "To Send"),
            ("sent", "Sent"),
            ("answered", "Store Answered"),
        ],
        default="none",
        required=True,
        tracking=True,
        copy=False,
    )
    feedback = fields.Text(string="Feedback for the Store", copy=False)
    feedback_deadline = fields.Datetime(string="Feedback Due by", copy=False, tracking=True)
    feedback_sent_date = fields.Datetime(string="Feedback Sent on", copy=False)
    feedback_overdue = fields.Boolean(
        string="Feedback Overdue", copy=False, tracking=True, index=True
    )
    store_reply = fields.Text(string="Store Follow-up", copy=False)
    store_reply_date = fields.Datetime(string="Store Answered on", copy=False)
    plan_key = fields.Char(
        copy=False, readonly=True, help="Set by the planner, so that it never plans twice."
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("plan_key_unique", "unique(plan_key)", "This callback was already planned."),
    ]

    @api.depends("date_start", "date_end")
    def _compute_duration(self):
        get = self.env["kefu.settings"].get_value
        shortest, longest = get("kefu_cbk_min_minutes"), get("kefu_cbk_max_minutes")
        for callback in self:
            if callback.date_start and callback.date_end:
                minutes = (callback.date_end - callback.date_start).total_seconds() / 60.0
                callback.duration = minutes
                # CBK-1: 3-5 minutes; outside is flagged, never refused.
                if minutes < shortest:
                    callback.duration_flag = "short"
                elif minutes > longest:
                    callback.duration_flag = "long"
                else:
                    callback.duration_flag = False
            else:
                callback.duration = 0.0
                callback.duration_flag = False

    @api.depends("satisfaction")
    def _compute_satisfaction_score(self):
        for callback in self:
            callback.satisfaction_score = float(callback.satisfaction or 0)

    @api.depends("state")
    def _compute_done_count(self):
        for callback in self:
            callback.done_count = 1 if callback.state == "done" else 0

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for callback in self:
            if (
                callback.date_start
                and callback.date_end
                and callback.date_end < callback.date_start
            ):
                raise ValidationError(self.env._("A callback cannot end before it starts."))

    @api.constrains("planned_date", "rest_reason", "partner_id", "state")
    def _check_rest_time(self):
        # CBK-3: never call in the customer's rest time, unless there is a reason.
        for callback in self.filtered(lambda c: c.state == "planned" and not c.rest_reason):
            reason = callback.partner_id._kefu_rest_reason(callback.planned_date)
            if reason:
                raise ValidationError(
                    self.env._(
                        "The planned time of %(callback)s lies in the customer's rest time "
                        "(%(reason)s). Choose another time or give a reason.",
                        callback=callback.name,
                        reason=reason,
                    )
                )

    @api.onchange("planned_date", "partner_id")
    def _onchange_rest_time(self):
        if self.partner_id and self.planned_date and self.state == "planned":
            reason = self.partner_id._kefu_rest_reason(self.planned_date)
            if reason:
                return {
                    "warning": {
                        "title": self.env._("Customer's rest time"),
                        "message": self.env._(
                            "This time lies in the customer's rest time (%(reason)s). "
                            "Please give a reason or choose another time.",
                            reason=reason,
                        ),
                    }
                }

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        self.store_id = self.partner_id.kefu_store_id

    @api.model_create_multi
    def create(self, vals_list):
        Question = self.env["kefu.callback.question"]
        Partner = self.env["res.partner"]
        names = self._kefu_next_names(sum(vals.get("name", "/") == "/" for vals in vals_list))
        forms = []
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = next(names)
            if "store_id" not in vals and vals.get("partner_id"):
                vals["store_id"] = Partner.browse(vals["partner_id"]).kefu_store_id.id
            form = ()
            if "answer_ids" not in vals:
                # CBK-1: the callback form, one line per active question; CMP-5: a
                # complaint's callback asks the complaint set.
                question_set = (
                    "complaint" if vals.get("callback_type") == "complaint" else "service"
                )
                form = Question._kefu_form_question_ids(question_set)
            forms.append(form)
        callbacks = super().create(vals_list)
        # The blank forms of brand-new callbacks in one insert: no twin to look for.
        lines = [
            {"callback_id": callback.id, "question_id": question_id}
            for callback, form in zip(callbacks, forms, strict=True)
            for question_id in form
        ]
        if lines:
            self.env["kefu.callback.answer"].with_context(kefu_blank_form=True).create(lines)
        return callbacks

    @api.model
    def _kefu_next_names(self, count):
        """``count`` references from the callback sequence, looked up once (not once
        per callback as ``next_by_code`` does)."""
        if not count:
            return iter(())
        companies = [self.env.company.id, False]
        domain = [("code", "=", "kefu.callback"), ("company_id", "in", companies)]
        sequence = self.env["ir.sequence"].sudo().search(domain, order="company_id", limit=1)
        return iter([sequence._next() if sequence else "/" for _i in range(count)])

    def _check_form_open(self):
        if self.filtered("form_done"):
            raise UserError(self.env._("The callback form was already answered."))

    def _check_state(self, states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for callback in self:
            if callback.state not in states:
                raise UserError(
                    self.env._(
                        "The callback %(callback)s is %(state)s; this action is not possible now.",
                        callback=callback.name,
                        state=labels[callback.state],
                    )
                )

    def action_start(self):
        self._check_state(["planned"])
        self.filtered(lambda c: not c.date_start).write({"date_start": fields.Datetime.now()})
        return True

    def action_done(self):
        """CBK-1/CBK-3: the call is fully recorded: times, every question, outcome."""
        return self._kefu_complete(require_form=True)

    def _kefu_complete(self, require_form=True):
        """Mark the call done; without ``require_form`` (CMP-5: a complaint's callback
        recorded on the ticket) the form may stay unanswered."""
        self._check_state(["planned"])
        self._check_form_open()
        now = fields.Datetime.now()
        for callback in self:
            missing = callback.answer_ids.filtered(
                lambda a: a.answer_type == "yes_no" and not a.answer
            )
            if missing and require_form:
                raise UserError(
                    self.env._(
                        "Please answer every question of the callback form first: %(questions)s",
                        questions=", ".join(missing.question_id.mapped("name")),
                    )
                )
            if not callback.outcome:
                raise UserError(self.env._("Please record the outcome of the callback."))
            end = callback.date_end or now
            vals = {
                "state": "done",
                "form_done": not missing,
                "date_start": callback.date_start or end,
                "date_end": end,
            }
            if callback.store_id:
                # CBK-2: compiled and sent within one working day.
                days = self.env["kefu.settings"].get_value("kefu_cbk_feedback_days")
                vals.update(
                    feedback_state="to_send",
                    feedback=callback.feedback or callback._compile_feedback(),
                    feedback_deadline=self.env["kefu.working.time"].add_working_days(
                        end, days, callback.company_id
                    ),
                )
            callback.check_access("write")
            callback._kefu_protected_write(vals)
        self._after_done()
        return True

    def _after_done(self):
        # CMP-5: a complaint's callback completes the complaint's callback step.
        for callback in self.filtered("ticket_id"):
            callback.ticket_id._kefu_callback_from(callback)

    def action_no_answer(self):
        self._check_state(["planned"])
        self.check_access("write")
        self._kefu_protected_write({"state": "no_answer"})
        return True

    def action_refused(self):
        self._check_state(["planned"])
        self.check_access("write")
        self._kefu_protected_write({"state": "refused"})
        return True

    def action_cancel(self):
        self._check_state(["planned"])
        self.check_access("write")
        self._kefu_protected_write({"state": "cancelled"})
        return True

    def action_replan(self):
        """A new callback for a customer who did not answer, at the next allowed time."""
        self._check_state(["no_answer"])
        new = self.browse()
        for callback in self:
            start = max(fields.Datetime.now(), callback.planned_date)
            new |= callback.copy(
                {
                    "planned_date": callback.partner_id._kefu_next_call_slot(start),
                    "state": "planned",
                    "rest_reason": False,
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "kefu.callback",
            "res_id": new[:1].id,
            "view_mode": "form",
        }

    def _compile_feedback(self):
        self.ensure_one()
        lines = [
            self.env._(
                "Callback %(name)s to %(customer)s",
                name=self.name,
                customer=self.partner_id.display_name,
            )
        ]
        for answer in self.answer_ids:
            value = answer.answer_text if answer.answer_type == "text" else answer.answer
            if answer.answer_type == "yes_no":
                value = dict(answer._fields["answer"]._description_selection(self.env)).get(
                    answer.answer, ""
                )
            if value:
                lines.append(f"{answer.question_id.name} {value}")
        if self.outcome:
            lines.append(self.env._("Outcome: %(outcome)s", outcome=self.outcome))
        if self.comment:
            lines.append(self.env._("Comment: %(comment)s", comment=self.comment))
        return "\n".join(lines)

    def action_send_feedback(self):
        """CBK-2: the feedback goes to the responsible store by email."""
        self._check_state(["done"])
        template = self.env.ref("kefu_management.mail_template_kefu_callback_feedback")
        now = fields.Datetime.now()
        for callback in self:
            if callback.feedback_state != "to_send":
                raise UserError(
                    self.env._(
                        "The feedback of %(callback)s is not waiting to be sent.",
                        callback=callback.name,
                    )
                )
            if not callback.feedback:
                raise UserError(self.env._("Please write the feedback for the store first."))
            template.send_mail(callback.id)
            callback.message_post(
                body=self.env._(
                    "Feedback sent to the store %(store)s.", store=callback.store_id.display_name
                ),
                subtype_xmlid="mail.mt_note",
            )
            callback.write(
                {
                    "feedback_state": "sent",
                    "feedback_sent_date": now,
                    "feedback_overdue": callback.feedback_overdue
                    or now > callback.feedback_deadline,
                }
            )
        return True

    def action_record_store_reply(self):
        """CBK-2: the store's follow-up answer."""
        for callback in self:
            if callback.feedback_state != "sent":
                raise UserError(
                    self.env._(
                        "Send the feedback of %(callback)s to the store first.",
                        callback=callback.name,
                    )
                )
            if not callback.store_reply:
                raise UserError(self.env._("Please write the store's follow-up first."))
        self.write({"feedback_state": "answered", "store_reply_date": fields.Datetime.now()})
        return True

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

GENERAL_MANAGER_GROUP = "kefu_management.group_kefu_general_manager"
SUPERIOR_GROUP = "kefu_credit.group_kefu_credit_superior"
# What was reported: fixed once filed (the chatter takes what is learnt later).
FACT_FIELDS = (
    "partner_id",
    "company_id",
    "trigger",
    "description",
    "evidence",
    "attachment_ids",
    "cheque_number",
    "cheque_amount",
    "cheque_date",
)
# The superior prepares his decision on the form; it takes effect on Decide only.
DECISION_INPUT_FIELDS = ("measure_ids", "decision_note", "notify_customer")


def _sets_records(commands):
    """Whether x2many ``commands`` link or create any record (an empty set does not)."""
    for command in commands or ():
        if isinstance(command, int):
            return True
        if command[0] == fields.Command.SET:
            if command[2]:
                return True
        elif command[0] in (fields.Command.CREATE, fields.Command.LINK):
            return True
    return False


class KefuCreditEmergencyReport(models.Model):
    """CRD-7 / CRD-8 / CRD-10: a sudden change in a customer's credit, reported
    to the superior, who alone decides the measures (suspension included)."""

    _name = "kefu.credit.emergency.report"
    _description = "Credit Emergency Report"
    _inherit = ["kefu.protected.mixin", "mail.thread", "mail.activity.mixin", "kefu.input.mixin"]
    _order = "id desc"

    # CRD-7: the decision, who decided it and who the superior is change only
    # through the actions; the superior is named at creation and checked there.
    _kefu_protected_fields = (
        "state",
        "decided_by_id",
        "decision_date",
        "lifted_by_id",
        "lifted_date",
        "reporter_id",
        "superior_id",
    )
    _kefu_create_fields = ("superior_id",)

    name = fields.Char(default="/", readonly=True, copy=False)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    reporter_id = fields.Many2one(
        "res.users", string="Reported By", default=lambda self: self.env.user, readonly=True
    )
    superior_id = fields.Many2one(
        "res.users",
        string="Superior",
        required=True,
        tracking=True,
        default=lambda self: self._default_superior_id(),
        help="Decides the measures; notified at once. The reporter's manager (from the "
        "employees, when installed) or a member of the group Emergency Report Superior, "
        "never the reporter.",
    )
    trigger = fields.Selection(
        [
            ("cheque", "Dishonoured Cheque"),
            ("overdue", "Payment Overdue"),
            ("operations", "Change in Operations or Ownership"),
            ("legal", "Legal Dispute or Seizure"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
        tracking=True,
    )
    description = fields.Text(string="What Changed", required=True)
    evidence = fields.Text()
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence Files")
    cheque_number = fields.Char()
    cheque_amount = fields.Monetary(currency_field="currency_id")
    cheque_date = fields.Date()
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [
            ("reported", "Reported"),
            ("decided", "Decided"),
            ("lifted", "Lifted"),
        ],
        default="reported",
        required=True,
        tracking=True,
        copy=False,
    )
    measure_ids = fields.Many2many(
        "kefu.credit.measure", string="Measures", tracking=True, copy=False
    )
    suspends_supply = fields.Boolean(
        compute="_compute_suspends_supply", store=True, string="Suspends Supply"
    )
    decision_note = fields.Text(string="Instruction", copy=False)
    notify_customer = fields.Boolean(
        string="Notify the Customer",
        help="CRD-10: on the superior's instruction the customer is told of the suspension.",
    )
    decided_by_id = fields.Many2one("res.users", string="Decided By", readonly=True, copy=False)
    decision_date = fields.Datetime(readonly=True, copy=False)
    lifted_by_id = fields.Many2one("res.users", string="Lifted By", readonly=True, copy=False)
    lifted_date = fields.Datetime(readonly=True, copy=False)
    can_decide = fields.Boolean(compute="_compute_can_decide")

    @api.model
    def _default_superior_id(self):
        # CRD-7: the reporter's manager, else a member of the superiors' group.
        user = self.env.user
        manager = self._kefu_hr_manager(user)
        if manager:
            return manager
        members = self._kefu_superior_group_members() - user
        return members.filtered(lambda u: u.id > 2)[:1] or members[:1]

    @api.model
    def _kefu_hr_manager(self, user):
        """The user of the manager of ``user``'s employee, when ``hr`` is installed
        (kefu does not depend on it)."""
        if "hr.employee" not in self.env:
            return self.env["res.users"]
        employee = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [("user_id", "=", user.id), ("company_id", "in", [self.env.company.id, False])],
                limit=1,
            )
        )
        manager = employee.parent_id.user_id
        return manager if manager.active and manager != user else self.env["res.users"]

    @api.model
    def _kefu_superior_group_members(self):
        users = self.env.ref(SUPERIOR_GROUP).sudo().users
        return users.filtered(lambda u: u.active and not u.share)

    @api.model
    def _kefu_check_superior(self, superior, reporter):
        """CRD-7: the reporter's manager or a member of the superiors' group, never
        the reporter himself."""
        allowed = self._kefu_hr_manager(reporter) | self._kefu_superior_group_members()
        if superior == reporter or superior not in allowed:
            raise UserError(
                self.env._(
                    "%(user)s cannot be the superior of this report: the superior is the "
                    "reporter's manager or a member of the group %(group)s, never the "
                    "reporter.",
                    user=superior.name,
                    group=self.env.ref(SUPERIOR_GROUP).sudo().name,
                )
            )

    @api.depends("measure_ids.suspends_supply", "state")
    def _compute_suspends_supply(self):
        for report in self:
            report.suspends_supply = any(report.measure_ids.mapped("suspends_supply"))

    def _compute_can_decide(self):
        for report in self:
            report.can_decide = report._kefu_is_superior()

    @api.constrains("trigger", "cheque_number", "cheque_amount")
    def _check_cheque(self):
        for report in self:
            if report.trigger == "cheque" and (
                not report.cheque_number or report.cheque_amount <= 0
            ):
                raise ValidationError(
                    self.env._("A dishonoured cheque needs its number and a positive amount.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if _sets_records(vals.get("measure_ids")):
                raise UserError(
                    self.env._(
                        "An emergency report starts without measures: the superior decides them."
                    )
                )
            if not self.env.su:
                superior = self.env["res.users"].browse(
                    vals.get("superior_id") or self._default_superior_id().id
                )
                if not superior:
                    raise UserError(
                        self.env._(
                            "Nobody can decide this report: add its deciders to the group "
                            "%(group)s.",
                            group=self.env.ref(SUPERIOR_GROUP).sudo().name,
                        )
                    )
                self._kefu_check_superior(superior, self.env.user)
                vals["superior_id"] = superior.id
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(self._name) or "/"
        reports = super().create(vals_list)
        reports._kefu_notify_superior()
        return reports

    def write(self, vals):
        if not self.env.su:
            self._kefu_refuse(set(self._kefu_protected_fields) & set(vals))
            if set(FACT_FIELDS) & set(vals):
                raise AccessError(
                    self.env._(
                        "The facts of an emergency report are fixed once reported: add what "
                        "you learn in its chatter."
                    )
                )
            if set(DECISION_INPUT_FIELDS) & set(vals):
                for report in self:
                    if report.state != "reported" or not report._kefu_is_superior():
                        raise AccessError(
                            self.env._("Only the superior chooses the measures, before deciding.")
                        )
        return super().write(vals)

    def _kefu_is_superior(self):
        """The superior, or a General Manager, decides; never on his own report."""
        self.ensure_one()
        if self.env.su:
            return True
        user = self.env.user
        if user == self.reporter_id:
            return False
        return self.superior_id == user or user.has_group(GENERAL_MANAGER_GROUP)

    def _kefu_notify_superior(self):
        # CRD-7: the superior hears of it at once.
        for report in self:
            report.message_subscribe(partner_ids=report.superior_id.partner_id.ids)
            report.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=report.superior_id.id,
                summary=self.env._("Decide on the emergency credit report"),
                note=report.description,
            )
            report.message_post(
                body=self.env._(
                    "Emergency credit report on %(partner)s: %(description)s",
                    partner=report.partner_id.display_name,
                    description=report.description,
                ),
                partner_ids=report.superior_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
            report._kefu_log_on_customer(
                self.env._("Emergency credit report %s raised.", report.name)
            )

    def _kefu_log_on_customer(self, body):
        # The reporter may not edit the customer; the note is the history
        # of its credit, written in the reporter's name.
        self.partner_id.commercial_partner_id.sudo().message_post(
            body=body, author_id=self.env.user.partner_id.id
        )

    def action_decide(self, measures=None):
        """The superior's explicit decision (CRD-7); measures take effect now.

        ``measures``: measure records or ids; by default those ticked on the form.
        """
        if isinstance(measures, list | tuple):
            measures = self.env["kefu.credit.measure"].browse(measures)
        self.check_access("write")
        for report in self:
            if not report._kefu_is_superior():
                raise AccessError(
                    self.env._("Only the superior of the report can decide its measures.")
                )
            if report.state != "reported":
                raise UserError(self.env._("This report has already been decided."))
            chosen = measures if measures is not None else report.measure_ids
            if not chosen:
                raise UserError(self.env._("Choose at least one measure to decide."))
            report._kefu_protected_write(
                {
                    "measure_ids": [fields.Command.set(chosen.ids)],
                    "state": "decided",
                    "decided_by_id": self.env.uid,
                    "decision_date": fields.Datetime.now(),
                }
            )
            report.activity_feedback(["mail.mail_activity_data_todo"])
            partner = report.partner_id.commercial_partner_id
            report._kefu_log_on_customer(
                self.env._(
                    "Emergency report %(name)s decided by %(user)s: %(measures)s",
                    name=report.name,
                    user=self.env.user.name,
                    measures=", ".join(chosen.mapped("name")),
                )
            )
            if report.suspends_supply and report.notify_customer:
                # CRD-10: the customer is told on the superior's instruction.
                partner.sudo().message_post(
                    author_id=self.env.user.partner_id.id,
                    body=self.env._(
                        "Dear customer, supply to %s is suspended until further notice. "
                        "Please contact us to settle the outstanding matters.",
                        partner.name,
                    ),
                    partner_ids=partner.ids,
                    subtype_xmlid="mail.mt_comment",
                )
        return True

    def action_lift(self):
        self.check_access("write")
        for report in self:
            if not report._kefu_is_superior():
                raise AccessError(
                    self.env._("Only the superior of the report can lift its measures.")
                )
            if report.state != "decided":
                raise UserError(self.env._("Only decided measures can be lifted."))
            report._kefu_protected_write(
                {
                    "state": "lifted",
                    "lifted_by_id": self.env.uid,
                    "lifted_date": fields.Datetime.now(),
                }
            )
            report._kefu_log_on_customer(
                self.env._("Measures of emergency report %s lifted.", report.name)
            )
        return True

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .helpdesk_ticket import KEFU_COMPLAINT_GROUPS
from .helpdesk_ticket import KEFU_TICKET_GROUPS

COMPLAINT_STATES = [
    ("new", "To Accept"),
    ("accepted", "Accepted"),
    ("judged", "Judged"),
    ("routed", "With Department"),
    ("result_sent", "Result Given Back"),
    ("callback_done", "Callback Done"),
    ("archived", "Archived"),
]
# Integrity (CMP-1 ... CMP-6): the step, its dates, who signed it and the flags
# change only through the complaint's actions and the cron.
COMPLAINT_PROTECTED = (
    "kefu_complaint_state",
    "kefu_accepted_date",
    "kefu_accepted_user_id",
    "kefu_resolved_date",
    "kefu_promise_missed",
    "kefu_archived_date",
    "kefu_complaint_escalated",
)
# CMP-1: the promise is agreed with the customer before the acceptance, fixed after.
PROMISE_FIELDS = ("kefu_promised_date",)
# CMP-5: the callback is filled in before it is recorded, fixed after.
CALLBACK_FIELDS = ("kefu_callback_date", "kefu_callback_user_id")
CALLBACK_RECORDED = ("callback_done", "archived")


class HelpdeskTicket(models.Model):
    """CMP-1 ... CMP-6: a complaint ticket runs a closed loop."""

    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    # CMP-3/CMP-4: up to the result, the complaint fields are also read by the
    # Complaint Handler of the department (helpdesk_ticket_complaint_handler.py);
    # the callback and the analysis stay customer service's.
    kefu_complaint_state = fields.Selection(
        COMPLAINT_STATES,
        string="Complaint Step",
        default="new",
        tracking=True,
        copy=False,
        groups=KEFU_COMPLAINT_GROUPS,
    )
    # CMP-1: accept, agree on solutions, promise a resolution time.
    kefu_solution_options = fields.Text(
        string="Agreed Solution Options", groups=KEFU_COMPLAINT_GROUPS
    )
    kefu_promised_date = fields.Datetime(
        string="Promised Resolution", tracking=True, copy=False, groups=KEFU_COMPLAINT_GROUPS
    )
    kefu_accepted_date = fields.Datetime(
        string="Accepted on", readonly=True, copy=False, groups=KEFU_COMPLAINT_GROUPS
    )
    kefu_accepted_user_id = fields.Many2one(
        "res.users",
        string="Accepted by",
        readonly=True,
        copy=False,
        groups=KEFU_COMPLAINT_GROUPS,
    )
    # CMP-2: judgement.
    kefu_justified = fields.Selection(
        [("yes", "Justified"), ("no", "Not justified")],
        string="Complaint Justified",
        groups=KEFU_COMPLAINT_GROUPS,
    )
    kefu_demand_reasonable = fields.Selection(
        [("yes", "Reasonable"), ("no", "Not reasonable")],
        string="Demand Reasonable",
        groups=KEFU_COMPLAINT_GROUPS,
    )
    # CMP-3: classification, level, responsible department.
    kefu_complaint_category_id = fields.Many2one(
        "kefu.complaint.category",
        string="Complaint Category",
        tracking=True,
        groups=KEFU_COMPLAINT_GROUPS,
    )
    kefu_complaint_level = fields.Selection(
        [("normal", "Normal"), ("serious", "Serious"), ("major", "Major")],
        string="Complaint Level",
        default="normal",
        tracking=True,
        groups=KEFU_COMPLAINT_GROUPS,
    )
    kefu_complaint_department_id = fields.Many2one(
        "kefu.complaint.department",
        string="Responsible Department",
        tracking=True,
        groups=KEFU_COMPLAINT_GROUPS,
    )
    kefu_complaint_cause_id = fields.Many2one(
        "kefu.complaint.cause",
        string="Complaint Cause",
        tracking=True,
        groups=KEFU_COMPLAINT_GROUPS,
    )
    # CMP-4: the result given back to the customer.
    kefu_complaint_result = fields.Text(
        string="Result for the Customer", groups=KEFU_COMPLAINT_GROUPS
    )
    kefu_resolved_date = fields.Datetime(
        string="Result Given on", readonly=True, copy=False, groups=KEFU_COMPLAINT_GROUPS
    )
    kefu_promise_missed = fields.Boolean(
        string="Promised Time Missed",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        groups=KEFU_COMPLAINT_GROUPS,
    )
    # CMP-5: the callback after the resolution (until the callback records exist).
    kefu_callback_date = fields.Datetime(
        string="Callback Time", copy=False, groups=KEFU_TICKET_GROUPS
    )
    kefu_callback_user_id = fields.Many2one(
        "res.users", string="Callback by", copy=False, groups=KEFU_TICKET_GROUPS
    )
    kefu_callback_outcome = fields.Text(
        string="Callback Outcome", copy=False, groups=KEFU_TICKET_GROUPS
    )
    kefu_archived_date = fields.Datetime(
        string="Archived on", readonly=True, copy=False, groups=KEFU_TICKET_GROUPS
    )
    # CMP-6: set by the one escalation of a major complaint, so that it never repeats.
    kefu_complaint_escalated = fields.Boolean(
        string="Escalated to the CS Manager",
        readonly=True,
        copy=False,
        groups=KEFU_TICKET_GROUPS,
    )
    # CMP-6: rates for the analysis (average in pivot and graph views).
    kefu_resolution_rate = fields.Float(
        string="Resolution Rate (%)",
        compute="_compute_kefu_rates",
        store=True,
        aggregator="avg",
        groups=KEFU_TICKET_GROUPS,
    )
    kefu_on_time_rate = fields.Float(
        string="On-time Rate (%)",
        compute="_compute_kefu_rates",
        store=True,
        aggregator="avg",
        groups=KEFU_TICKET_GROUPS,
    )

    @property
    def _kefu_protected_fields(self):
        # Several classes of helpdesk.ticket add their fields: each extends the list.
        return (*super()._kefu_protected_fields, *COMPLAINT_PROTECTED)

    @api.depends("kefu_resolved_date", "kefu_promised_date")
    def _compute_kefu_rates(self):
        for ticket in self:
            resolved = bool(ticket.kefu_resolved_date)
            ticket.kefu_resolution_rate = 100.0 if resolved else 0.0
            on_time = (
                resolved
                and ticket.kefu_promised_date
                and ticket.kefu_resolved_date <= ticket.kefu_promised_date
            )
            ticket.kefu_on_time_rate = 100.0 if on_time else 0.0

    @api.constrains("kefu_promised_date")
    def _check_kefu_promised_date(self):
        # CMP-1: a promise to the customer lies in the future.
        now = fields.Datetime.now()
        for ticket in self:
            if (
                ticket.kefu_promised_date
                and ticket.kefu_promised_date < now
                and ticket.kefu_complaint_state in ("new", "accepted")
            ):
                raise ValidationError(
                    self.env._("The promised resolution time cannot lie in the past.")
                )

    @api.constrains("kefu_callback_date", "kefu_resolved_date")
    def _check_kefu_callback_date(self):
        for ticket in self:
            if (
                ticket.kefu_callback_date
                and ticket.kefu_resolved_date
                and ticket.kefu_callback_date < ticket.kefu_resolved_date
            ):
                raise ValidationError(
                    self.env._("The callback must take place after the result was given.")
                )

    def write(self, vals):
        if not self.env.su:
            self._kefu_refuse_fixed_complaint_fields(vals)
        if vals.get("stage_id"):
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            if stage.closed:
                self._kefu_check_can_close()
        newly_major = self.browse()
        if vals.get("kefu_complaint_level") == "major":
            newly_major = self.filtered(lambda t: t.kefu_complaint_level != "major")
        result = super().write(vals)
        newly_major.filtered("kefu_is_complaint")._kefu_escalate_major()
        if vals.get("kefu_complaint_state") == "accepted":
            self.filtered("kefu_is_complaint")._kefu_stage_in_progress()
        if vals.get("stage_id"):
            # Read as the system: a helpdesk user outside kefu may close tickets.
            closing = self.filtered(
                lambda t: (
                    t.sudo().kefu_is_complaint
                    and t.stage_id.closed
                    and t.sudo().kefu_complaint_state == "callback_done"
                )
            )
            if closing:
                # CMP-5: archived by the closing, which _kefu_check_can_close checked.
                closing._kefu_protected_write(
                    {
                        "kefu_complaint_state": "archived",
                        "kefu_archived_date": fields.Datetime.now(),
                    }
                )
                # CMP-5: an archived complaint leaves nothing open on anyone's list.
                closing.activity_ids.action_feedback(
                    feedback=self.env._("The complaint was archived.")
                )
        return result

    def _kefu_refuse_fixed_complaint_fields(self, vals):
        """CMP-1/CMP-5: the promise and the callback are the agent's to fill in until
        their step is taken; then they are part of the record."""
        fixed = set()
        if set(PROMISE_FIELDS) & set(vals) and any(t.kefu_complaint_state != "new" for t in self):
            fixed |= set(PROMISE_FIELDS) & set(vals)
        if set(CALLBACK_FIELDS) & set(vals) and any(
            t.kefu_complaint_state in CALLBACK_RECORDED for t in self
        ):
            fixed |= set(CALLBACK_FIELDS) & set(vals)
        self._kefu_refuse(fixed)

    def _kefu_stage_in_progress(self):
        """CMP-1: an accepted complaint is being worked on: the ticket moves on to
        helpdesk_mgmt's "In Progress" stage, or, for a team with its own stages, to
        its next open stage. A ticket already further on is never moved back."""
        in_progress = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress", raise_if_not_found=False
        )
        for ticket in self:
            current = ticket.stage_id
            if current.closed:
                continue
            stages = ticket.team_id._get_applicable_stages()
            later = stages.filtered(
                lambda s, current=current: (
                    not s.closed and (s.sequence, s.id) > (current.sequence, current.id)
                )
            )
            target = in_progress if in_progress in later else later[:1]
            if target and (not current or target != current):
                ticket.write({"stage_id": target.id})

    def _kefu_check_can_close(self):
        # CMP-5/CMP-6 hold for every closing user, also a helpdesk user outside kefu
        # who may not read the complaint fields: they are read as the system.
        for ticket in self.sudo().filtered("kefu_is_complaint"):
            # CMP-5: no closing without a callback after the resolution.
            if ticket.kefu_complaint_state not in ("callback_done", "archived"):
                raise UserError(
                    self.env._(
                        "The complaint %(ticket)s cannot be closed before its callback "
                        "is recorded.",
                        ticket=ticket.display_name,
                    )
                )
            # CMP-6: major complaints are handled by the CS Manager.
            if ticket.kefu_complaint_level == "major" and not self.env.user.has_group(
                "kefu_management.group_kefu_manager"
            ):
                raise AccessError(self.env._("Only a CS Manager may close a major complaint."))

    def _kefu_check_complaint(self, states):
        # The actions write as superuser: the acting user must be allowed to write
        # the ticket (access rights and record rules) himself.
        self.check_access("write")
        self._kefu_check_complaint_step(states)

    def _kefu_check_complaint_step(self, states):
        for ticket in self:
            if not ticket.kefu_is_complaint:
                raise UserError(
                    self.env._("%(ticket)s is not a complaint.", ticket=ticket.display_name)
                )
            if ticket.kefu_complaint_state not in states:
                raise UserError(
                    self.env._(
                        "The complaint %(ticket)s is at the step %(step)s; this action is "
                        "not possible now.",
                        ticket=ticket.display_name,
                        step=dict(
                            self._fields["kefu_complaint_state"]._description_selection(self.env)
                        )[ticket.kefu_complaint_state],
                    )
                )

    def _kefu_require(self, field_names):
        for ticket in self:
            missing = [
                ticket._fields[name]._description_string(self.env)
                for name in field_names
                if not ticket[name]
            ]
            if missing:
                raise UserError(
                    self.env._("Please fill in first: %(fields)s", fields=", ".join(missing))
                )

    def action_kefu_accept_complaint(self):
        """CMP-1: accepted at once, the customer is told the promised time."""
        self._kefu_check_complaint(["new"])
        self._kefu_require(["kefu_solution_options", "kefu_promised_date"])
        now = fields.Datetime.now()
        for ticket in self:
            if ticket.kefu_promised_date <= now:
                raise ValidationError(
                    self.env._("The promised resolution time cannot lie in the past.")
                )
        template = self.env.ref("kefu_management.mail_template_kefu_complaint_accepted")
        for ticket in self:
            ticket._kefu_protected_write(
                {
                    "kefu_complaint_state": "accepted",
                    "kefu_accepted_date": now,
                    "kefu_accepted_user_id": self.env.user.id,
                }
            )
            if ticket.partner_id or ticket.partner_email:
                ticket.message_post_with_source(
                    template, message_type="comment", subtype_xmlid="mail.mt_comment"
                )
                # Telling the customer the promise is a reply (SVC-2).
                ticket._kefu_register_reply(now, self.env.user)
        return True

    def action_kefu_judge_complaint(self):
        """CMP-2/CMP-3: judged, classified and given a level."""
        self._kefu_check_complaint(["accepted"])
        self._kefu_require(
            [
                "kefu_justified",
                "kefu_demand_reasonable",
                "kefu_complaint_category_id",
                "kefu_complaint_level",
            ]
        )
        self._kefu_protected_write({"kefu_complaint_state": "judged"})
        self.filtered(lambda t: t.kefu_complaint_level == "major")._kefu_escalate_major()
        return True

    def action_kefu_route_complaint(self):
        """CMP-3: passed to the responsible department."""
        self._kefu_check_complaint(["judged"])
        self._kefu_require(["kefu_complaint_department_id"])
        self._kefu_protected_write({"kefu_complaint_state": "routed"})
        for ticket in self:
            responsible = ticket.kefu_complaint_department_id.user_id
            if responsible:
                ticket.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=fields.Date.to_date(
                        fields.Datetime.context_timestamp(ticket, ticket.kefu_promised_date)
                    ),
                    summary=self.env._("Handle complaint %(ticket)s", ticket=ticket.number),
                    user_id=responsible.id,
                )
        return True

    def action_kefu_send_result(self):
        """CMP-4: the result is given back to the customer."""
        self._kefu_check_complaint(["judged", "routed"])
        self._kefu_require(["kefu_complaint_result"])
        now = fields.Datetime.now()
        for ticket in self:
            ticket._kefu_protected_write(
                {
                    "kefu_complaint_state": "result_sent",
                    "kefu_resolved_date": now,
                    "kefu_promise_missed": ticket.kefu_promise_missed
                    or now > ticket.kefu_promised_date,
                }
            )
            ticket.message_post(
                body=self.env._(
                    "Result of your complaint: %(result)s", result=ticket.kefu_complaint_result
                ),
                partner_ids=ticket.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_kefu_callback_done(self):
        """CMP-5: the callback after the resolution is recorded."""
        self._kefu_check_complaint(["result_sent"])
        self._kefu_require(["kefu_callback_outcome"])
        now = fields.Datetime.now()
        for ticket in self:
            vals = {"kefu_complaint_state": "callback_done"}
            if not ticket.kefu_callback_date:
                vals["kefu_callback_date"] = now
            if not ticket.kefu_callback_user_id:
                vals["kefu_callback_user_id"] = self.env.user.id
            ticket._kefu_protected_write(vals)
        # CMP-5: one callback per complaint: the planner's record is completed too.
        self._kefu_complete_callback_record()
        return True

    def action_kefu_archive_complaint(self):
        """CMP-5: closed and archived once the callback is done."""
        self._kefu_check_complaint(["callback_done"])
        for ticket in self:
            stage = ticket.team_id._get_applicable_stages().filtered("closed")[:1]
            done = self.env.ref(
                "helpdesk_mgmt.helpdesk_ticket_stage_done", raise_if_not_found=False
            )
            if done and done in ticket.team_id._get_applicable_stages():
                stage = done
            if not stage:
                raise UserError(self.env._("There is no closing stage for this ticket's team."))
            ticket.write({"stage_id": stage.id})
        return True

    def _kefu_escalate_major(self):
        """CMP-6: a major complaint goes to the CS Managers, once; as a major matter it
        is also reported to the General Manager (SVC-1)."""
        todo = self.filtered(lambda t: t.kefu_is_complaint and not t.kefu_complaint_escalated)
        if not todo:
            return
        todo._kefu_protected_write({"kefu_complaint_escalated": True})
        # The General Manager (a CS Manager by implication) gets the major-matter report.
        managers = self._kefu_internal_users("kefu_management.group_kefu_manager")
        managers -= self._kefu_internal_users("kefu_management.group_kefu_general_manager")
        for ticket in todo:
            for manager in managers:
                ticket.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Major complaint: handle %(ticket)s", ticket=ticket.number),
                    user_id=manager.id,
                )
            ticket.message_post(
                body=self.env._("Major complaint: handed to the CS Manager."),
                partner_ids=managers.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
        todo.filtered(lambda t: not t.kefu_major_matter).write({"kefu_major_matter": True})

    @api.model
    def _kefu_promise_missed_domain(self, now):
        return [
            ("kefu_is_complaint", "=", True),
            ("kefu_promise_missed", "=", False),
            ("kefu_resolved_date", "=", False),
            ("kefu_promised_date", "!=", False),
            ("kefu_promised_date", "<", now),
        ]

    def _kefu_flag_promise_missed(self):
        # Issue 17: one write and the notes in bulk.
        self._kefu_protected_write({"kefu_promise_missed": True})
        body = self.env._("The promised resolution time was missed.")
        self.env["kefu.cron.batch"].log_notes([(ticket, body, None) for ticket in self])

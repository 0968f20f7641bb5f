from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class KefuShiftHandover(models.Model):
    """SVC-5: the shift handover log; open matters go to the next shift."""

    _name = "kefu.shift.handover"
    _description = "Shift Handover"
    _inherit = ["mail.thread", "mail.activity.mixin", "kefu.input.mixin"]
    _order = "shift_end desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    shift_start = fields.Datetime(required=True, tracking=True)
    shift_end = fields.Datetime(required=True, default=fields.Datetime.now, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Handed over by",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    next_user_id = fields.Many2one(
        "res.users",
        string="Next Shift",
        required=True,
        domain=[("share", "=", False)],
        tracking=True,
    )
    line_ids = fields.One2many("kefu.shift.handover.line", "handover_id", string="Open Matters")
    note = fields.Html()
    state = fields.Selection(
        [("draft", "Draft"), ("handed_over", "Handed Over"), ("acknowledged", "Acknowledged")],
        default="draft",
        required=True,
        tracking=True,
    )
    acknowledged_date = fields.Datetime(readonly=True)

    @api.depends("user_id", "shift_end")
    def _compute_name(self):
        for handover in self:
            handover.name = self.env._(
                "Shift of %(user)s until %(end)s",
                user=handover.user_id.name or "",
                end=fields.Datetime.to_string(handover.shift_end) or "",
            )

    @api.constrains("user_id", "next_user_id", "shift_start", "shift_end")
    def _check_handover(self):
        for handover in self:
            if handover.user_id == handover.next_user_id:
                raise ValidationError(self.env._("A shift cannot be handed over to oneself."))
            if handover.shift_start >= handover.shift_end:
                raise ValidationError(self.env._("A shift must end after it starts."))

    def action_load_open_tickets(self):
        """Add the open tickets of the outgoing shift's user as lines."""
        for handover in self:
            tickets = self.env["helpdesk.ticket"].search(
                [
                    ("user_id", "=", handover.user_id.id),
                    ("stage_id.closed", "=", False),
                    ("id", "not in", handover.line_ids.ticket_id.ids),
                ]
            )
            handover.write(
                {
                    "line_ids": [
                        fields.Command.create({"ticket_id": ticket.id, "cause": ticket.name})
                        for ticket in tickets
                    ]
                }
            )
        return True

    def action_hand_over(self):
        for handover in self:
            if handover.state != "draft":
                raise UserError(self.env._("This handover was already handed over."))
            # Issue 17: one query for the matters without their process, whatever
            # their number ("= False" also matches an empty text).
            missing = self.env["kefu.shift.handover.line"].search(
                [("handover_id", "=", handover.id), ("process", "=", False)]
            )
            if missing:
                raise UserError(
                    self.env._(
                        "Describe the process so far for every open matter: %(tickets)s",
                        tickets=", ".join(missing.ticket_id.mapped("number")),
                    )
                )
            handover.state = "handed_over"
            handover.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Acknowledge the shift handover"),
                user_id=handover.next_user_id.id,
            )
        return True

    def action_acknowledge(self):
        for handover in self:
            if handover.state != "handed_over":
                raise UserError(self.env._("Only a handed-over shift can be acknowledged."))
            if self.env.user != handover.next_user_id and not self.env.user.has_group(
                "kefu_management.group_kefu_team_leader"
            ):
                raise UserError(
                    self.env._("Only the next shift or a Team Leader can acknowledge it.")
                )
            handover.write({"state": "acknowledged", "acknowledged_date": fields.Datetime.now()})
            handover.activity_feedback(["mail.mail_activity_data_todo"])
        return True

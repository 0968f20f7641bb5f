from odoo import api, fields, models

from ..service_desk.helpdesk_ticket import KEFU_TICKET_GROUPS


class HelpdeskTicket(models.Model):
    """CMP-5: the callback after a complaint's result is a callback record."""

    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    # Host first: the department's, like the service desk's ticket fields.
    kefu_callback_ids = fields.One2many(
        "kefu.callback", "ticket_id", string="Callbacks", groups=KEFU_TICKET_GROUPS
    )
    kefu_callback_count = fields.Integer(
        string="Callback Count", compute="_compute_kefu_callback_count", groups=KEFU_TICKET_GROUPS
    )
    kefu_callback_planned = fields.Boolean(
        string="Callback Planned", readonly=True, copy=False, index=True, groups=KEFU_TICKET_GROUPS
    )

    @api.depends("kefu_callback_ids")
    def _compute_kefu_callback_count(self):
        # One counting query for the form's button (issue 17), with the user's rules.
        groups = self.env["kefu.callback"]._read_group(
            [("ticket_id", "in", self._origin.ids)], ["ticket_id"], ["__count"]
        )
        counts = {ticket.id: count for ticket, count in groups}
        for ticket in self:
            ticket.kefu_callback_count = counts.get(ticket._origin.id, 0)

    def action_open_kefu_callbacks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kefu_management.kefu_callback_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {
            "default_ticket_id": self.id,
            "default_partner_id": self.partner_id.id,
            "default_callback_type": "complaint",
        }
        return action

    @api.model
    def _kefu_callback_planner_domain(self):
        # CMP-5: the result was given back; the callback is still to plan.
        return [
            ("kefu_is_complaint", "=", True),
            ("kefu_complaint_state", "=", "result_sent"),
            ("kefu_callback_planned", "=", False),
            ("partner_id", "!=", False),
        ]

    def _kefu_callback_from(self, callback):
        """Fill the complaint's callback step from a done callback record."""
        self.ensure_one()
        if not self.kefu_is_complaint or self.kefu_complaint_state != "result_sent":
            return
        self.write(
            {
                "kefu_callback_date": callback.date_end,
                "kefu_callback_user_id": callback.user_id.id or self.env.user.id,
                "kefu_callback_outcome": callback.outcome,
            }
        )
        self.action_kefu_callback_done()

    def _kefu_complete_callback_record(self):
        """CMP-5: the complaint's callback recorded on the ticket completes the one
        ``kefu.callback`` record of the complaint (the planner's, or a new one when the
        planner has not run yet), so that no second record and no planned leftover
        remain. Called after the ticket's own checks (``action_kefu_callback_done``)."""
        Callback = self.env["kefu.callback"].sudo()
        for ticket in self.filtered("kefu_is_complaint"):
            callbacks = Callback.search(
                [("ticket_id", "=", ticket.id), ("callback_type", "=", "complaint")],
                order="planned_date desc, id desc",
            )
            if callbacks.filtered(lambda c: c.state == "done"):
                continue
            end = ticket.kefu_callback_date or fields.Datetime.now()
            planned = callbacks.filtered(lambda c: c.state == "planned")
            callback = planned[:1]
            if not callback and not ticket.partner_id:
                continue  # a callback record needs the customer
            if not callback:
                # A call made in the customer's rest time was still made: say so.
                rest = ticket.partner_id._kefu_rest_reason(end)
                key = f"complaint:{ticket.id}"
                callback = Callback.create(
                    {
                        "partner_id": ticket.partner_id.id,
                        "ticket_id": ticket.id,
                        "team_id": ticket.team_id.id,
                        "callback_type": "complaint",
                        "planned_date": end,
                        "rest_reason": rest
                        and self.env._(
                            "Callback recorded on the complaint %(ticket)s.", ticket=ticket.number
                        ),
                        "plan_key": False if key in callbacks.mapped("plan_key") else key,
                        "company_id": ticket.company_id.id,
                    }
                )
            callback.write(
                {
                    "outcome": callback.outcome or ticket.kefu_callback_outcome,
                    "user_id": ticket.kefu_callback_user_id.id or callback.user_id.id,
                    "date_end": end,
                }
            )
            callback._kefu_complete(require_form=False)
            # A second planned call for the same complaint (after no answer) is moot.
            (planned - callback)._kefu_protected_write({"state": "cancelled"})
            ticket.sudo().kefu_callback_planned = True

from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    """CMP-5: the callback after a complaint's result is a callback record."""

    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    kefu_callback_ids = fields.One2many("kefu.callback", "ticket_id", string="Callbacks")
    kefu_callback_count = fields.Integer(
        string="Callback Count", compute="_compute_kefu_callback_count"
    )
    kefu_callback_planned = fields.Boolean(
        string="Callback Planned", readonly=True, copy=False, index=True
    )

    @api.depends("kefu_callback_ids")
    def _compute_kefu_callback_count(self):
        for ticket in self:
            ticket.kefu_callback_count = len(ticket.kefu_callback_ids)

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

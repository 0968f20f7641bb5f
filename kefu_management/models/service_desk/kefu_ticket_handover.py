from odoo import api, fields, models
from odoo.exceptions import ValidationError


class KefuTicketHandover(models.Model):
    """SVC-1: a ticket handed on, to whom and why; the first responder stays."""

    _name = "kefu.ticket.handover"
    _description = "Ticket Hand-over"
    _rec_name = "ticket_id"
    _inherit = ["kefu.input.mixin"]
    _order = "date desc, id desc"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade", index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    from_user_id = fields.Many2one(
        "res.users", string="Handed over by", default=lambda self: self.env.user, readonly=True
    )
    to_user_id = fields.Many2one(
        "res.users", string="Handed over to", required=True, domain=[("share", "=", False)]
    )
    reason = fields.Text(required=True)
    first_responder_id = fields.Many2one(related="ticket_id.kefu_first_responder_id")

    @api.constrains("from_user_id", "to_user_id")
    def _check_not_to_oneself(self):
        for handover in self:
            if handover.to_user_id == handover.from_user_id:
                raise ValidationError(self.env._("A ticket cannot be handed over to oneself."))
            if handover.to_user_id.share:
                raise ValidationError(
                    self.env._("A ticket can only be handed over to an internal user.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        handovers = super().create(vals_list)
        for handover in handovers:
            ticket = handover.ticket_id
            ticket.write({"user_id": handover.to_user_id.id})
            ticket.message_post(
                body=self.env._(
                    "Handed over from %(from)s to %(to)s: %(reason)s",
                    **{
                        "from": handover.from_user_id.name,
                        "to": handover.to_user_id.name,
                        "reason": handover.reason,
                    },
                ),
                subtype_xmlid="mail.mt_note",
            )
        return handovers

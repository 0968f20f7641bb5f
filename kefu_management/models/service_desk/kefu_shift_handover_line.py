from odoo import fields, models


class KefuShiftHandoverLine(models.Model):
    """SVC-5: one open matter handed to the next shift: cause, process, result."""

    _name = "kefu.shift.handover.line"
    _description = "Shift Handover Matter"
    _rec_name = "ticket_id"
    _inherit = ["kefu.input.mixin"]
    _order = "id"

    handover_id = fields.Many2one(
        "kefu.shift.handover", required=True, ondelete="cascade", index=True
    )
    ticket_id = fields.Many2one("helpdesk.ticket", string="Ticket", required=True)
    cause = fields.Char(required=True)
    process = fields.Text(string="Process so Far")
    result = fields.Text()
    ticket_stage_id = fields.Many2one(related="ticket_id.stage_id", string="Ticket Stage")

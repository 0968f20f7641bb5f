from odoo import fields, models


class KefuComplaintResultWizard(models.TransientModel):
    """CMP-3/CMP-4: the department's result on a complaint passed to it, with the
    cause it found. The ticket's ``action_kefu_department_result`` checks who may
    give it."""

    _name = "kefu.complaint.result.wizard"
    _description = "Department Result of a Complaint"
    _rec_name = "ticket_id"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    cause_id = fields.Many2one("kefu.complaint.cause", string="Cause Found")
    result = fields.Text(required=True)

    def action_apply(self):
        self.ensure_one()
        self.ticket_id.action_kefu_department_result(self.result, self.cause_id.id)
        return {"type": "ir.actions.act_window_close"}

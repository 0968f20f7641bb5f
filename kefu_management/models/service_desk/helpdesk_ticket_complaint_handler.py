from odoo import models
from odoo.exceptions import AccessError, UserError

from .helpdesk_ticket import KEFU_COMPLAINT_GROUPS
from .helpdesk_ticket import KEFU_TICKET_GROUPS


class HelpdeskTicket(models.Model):
    """CMP-3/CMP-4: the department a complaint is passed to. Its responsible person
    (a Complaint Handler, usually no kefu member) reads the complaint fields and
    gives the department's result through the complaint's action."""

    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    def write(self, vals):
        if not self.env.su:
            self._kefu_refuse_handler_writes(vals)
        return super().write(vals)

    def _kefu_refuse_handler_writes(self, vals):
        """CMP-3/CMP-4: outside customer service the complaint fields are read, not
        written: a Complaint Handler (also one who is a helpdesk user allowed to write
        the ticket) gives his department's result through
        ``action_kefu_department_result``."""
        handler_fields = {
            name
            for name in vals
            if name in self._fields and self._fields[name].groups == KEFU_COMPLAINT_GROUPS
        }
        if handler_fields and not self.env.user.has_group(KEFU_TICKET_GROUPS):
            self._kefu_refuse(handler_fields)

    def action_kefu_open_department_result(self):
        """CMP-4: the department's result, in a dialog (the handler may not edit the
        ticket's form)."""
        self.ensure_one()
        self.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Department Result"),
            "res_model": "kefu.complaint.result.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_ticket_id": self.id,
                "default_result": self.kefu_complaint_result,
                "default_cause_id": self.kefu_complaint_cause_id.id,
            },
        }

    def action_kefu_department_result(self, result, cause_id=False):
        """CMP-3/CMP-4: the department the complaint was passed to gives its result
        (and the cause it found) back to customer service, who gives it to the
        customer (``action_kefu_send_result``).

        Given by the department's responsible person, or the person the ticket is
        assigned to, usually no kefu member: he only reads the ticket (record rules),
        so the action checks him and writes as the system."""
        self.ensure_one()
        self.check_access("read")
        ticket = self.sudo()
        if self.env.user not in ticket.kefu_complaint_department_id.user_id | ticket.user_id:
            raise AccessError(
                self.env._(
                    "Only the responsible person of the department the complaint "
                    "%(ticket)s was passed to gives its result.",
                    ticket=self.display_name,
                )
            )
        ticket._kefu_check_complaint_step(["routed"])
        result = (result or "").strip()
        if not result:
            raise UserError(self.env._("Please give the department's result."))
        vals = {"kefu_complaint_result": result}
        cause = self.env["kefu.complaint.cause"].browse(cause_id).exists()
        if cause:
            vals["kefu_complaint_cause_id"] = cause.id
        self._kefu_protected_write(vals)
        # The agent who answers for the ticket is told; the handler's "Handle
        # complaint" activity is done.
        self.message_post(
            body=self.env._(
                "Result of %(department)s: %(result)s",
                department=ticket.kefu_complaint_department_id.display_name,
                result=result,
            ),
            partner_ids=ticket.user_id.partner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        self.activity_ids.filtered(lambda a: a.user_id == self.env.user).action_done()
        return True

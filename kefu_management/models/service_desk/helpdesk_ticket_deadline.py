from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    """SVC-2: the reply due time of open tickets follows the working calendar."""

    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "kefu.deadline.mixin"]  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _kefu_recompute_deadlines(self, companies):
        # Open tickets still waiting for their first reply, with a limit not yet
        # passed: a breach already recorded stays as it was.
        tickets = self.search(
            [
                ("company_id", "in", companies.ids),
                ("closed", "=", False),
                ("kefu_first_reply_date", "=", False),
                ("kefu_response_deadline", ">", fields.Datetime.now()),
            ]
        )
        # Recomputed by the ORM (not a write: the deadline is protected, SVC-2).
        self.env.add_to_compute(self._fields["kefu_response_deadline"], tickets)
        tickets._recompute_recordset(["kefu_response_deadline"])
        return super()._kefu_recompute_deadlines(companies)

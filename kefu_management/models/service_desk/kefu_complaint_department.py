from odoo import Command, api, fields, models

HANDLER_GROUP = "kefu_management.group_kefu_complaint_handler"


class KefuComplaintDepartment(models.Model):
    """CMP-3: the department a complaint is passed to, and who answers for it.

    Its responsible person becomes a Complaint Handler when he is named (on create
    and write), so that he reads the complaints passed to the department and gives
    its result. Add only: naming someone else leaves him the group (he may still
    answer for earlier complaints, or have been given it by hand); it is removed on
    his user form.
    """

    _name = "kefu.complaint.department"
    _description = "Responsible Department"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        domain=[("share", "=", False)],
        help="Gets the complaints passed to the department and becomes a Complaint "
        "Handler: he reads them and gives the department's result. Naming someone else "
        "does not take the group away from him: that is done on his user form.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        departments = super().create(vals_list)
        departments._kefu_grant_complaint_handler()
        return departments

    def write(self, vals):
        result = super().write(vals)
        if vals.get("user_id"):
            self._kefu_grant_complaint_handler()
        return result

    @api.model
    def _kefu_grant_complaint_handlers(self):
        """At each update of the module: the responsible persons named before the
        group existed become Complaint Handlers too."""
        self.sudo().search([("user_id", "!=", False)])._kefu_grant_complaint_handler()

    def _kefu_grant_complaint_handler(self):
        # A CS Manager names the responsible person without administering users:
        # the group is given as the system, to internal users only.
        group = self.env.ref(HANDLER_GROUP).sudo()
        users = self.sudo().user_id.filtered(lambda u: not u.share) - group.users
        if users:
            group.write({"users": [Command.link(user.id) for user in users]})

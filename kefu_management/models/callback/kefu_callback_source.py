from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class KefuCallbackSource(models.Model):
    """A delivery, installation or project that calls for callbacks.

    kefu_management depends neither on stock nor on project: other addons (or
    people) record here that a service was done, and the planner does the rest.
    CBK-1: one callback after a delivery or installation; CBK-5: a delivered
    project is called back monthly in its first year, quarterly afterwards.
    """

    _name = "kefu.callback.source"
    _description = "Delivery, Installation or Project"
    _inherit = ["mail.thread", "mail.activity.mixin", "kefu.input.mixin"]
    _order = "done_date desc, id desc"

    name = fields.Char(string="Reference", required=True, tracking=True)
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, tracking=True)
    source_type = fields.Selection(
        [("delivery", "Delivery"), ("installation", "Installation"), ("project", "Project")],
        string="Type",
        required=True,
        default="installation",
        tracking=True,
    )
    state = fields.Selection(
        [("draft", "In Progress"), ("done", "Done")], default="draft", required=True, tracking=True
    )
    done_date = fields.Datetime(string="Done on", tracking=True, copy=False)
    callback_ids = fields.One2many("kefu.callback", "source_id", string="Callbacks")
    callback_count = fields.Integer(compute="_compute_callback_count")
    # CBK-1: set once the after-service callback is planned.
    callback_planned = fields.Boolean(readonly=True, copy=False, index=True)
    # CBK-5: the project's next periodic callback and how many were planned.
    next_callback_date = fields.Date(string="Next Project Callback", copy=False, index=True)
    project_callback_count = fields.Integer(string="Project Callbacks Planned", copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("callback_ids")
    def _compute_callback_count(self):
        for source in self:
            source.callback_count = len(source.callback_ids)

    def action_done(self):
        for source in self:
            if source.state == "done":
                raise UserError(
                    self.env._("%(source)s is already done.", source=source.display_name)
                )
            now = fields.Datetime.now()
            vals = {"state": "done", "done_date": source.done_date or now}
            if source.source_type == "project":
                vals["next_callback_date"] = source._project_callback_date(
                    1, fields.Datetime.to_datetime(vals["done_date"]).date()
                )
            source.write(vals)
        return True

    def action_open_callbacks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kefu_management.kefu_callback_action"
        )
        action["domain"] = [("source_id", "=", self.id)]
        action["context"] = {"default_source_id": self.id, "default_partner_id": self.partner_id.id}
        return action

    def _project_callback_date(self, number, delivered=None):
        """CBK-5: the date of the ``number``-th callback of a delivered project."""
        self.ensure_one()
        get = self.env["kefu.settings"].get_value
        first = get("kefu_cbk_project_first_months")
        early = get("kefu_cbk_project_early_months")
        late = get("kefu_cbk_project_late_months")
        delivered = delivered or self.done_date.date()
        early_count = first // early
        if number <= early_count:
            months = number * early
        else:
            months = early_count * early + (number - early_count) * late
        return delivered + relativedelta(months=months)

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class KefuCallbackSpecial(models.Model):
    """Special callbacks maintained by managers (CBK-4): holidays, promotion
    periods, renewal or upgrade reminders on a date, and customer anniversaries
    every year on each customer's own anniversary date."""

    _name = "kefu.callback.special"
    _description = "Special Callback"
    _inherit = ["mail.thread", "kefu.input.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(required=True, translate=True, tracking=True)
    kind = fields.Selection(
        [
            ("holiday", "Holiday"),
            ("anniversary", "Customer Anniversary"),
            ("promotion", "Promotion Period"),
            ("reminder", "Renewal or Upgrade Reminder"),
        ],
        required=True,
        default="holiday",
        tracking=True,
    )
    date = fields.Date(help="Day of the holiday or first day of the promotion.", tracking=True)
    date_end = fields.Date(string="Last Day", help="Last day of a promotion period.")
    target = fields.Selection(
        [
            ("key", "Key Customers"),
            ("selected", "Selected Customers"),
            ("all", "All Customers"),
        ],
        required=True,
        default="key",
    )
    partner_ids = fields.Many2many("res.partner", string="Customers")
    script = fields.Text(string="Call Script", help="What the agent says: greetings, offer ...")
    active = fields.Boolean(default=True)
    planned = fields.Boolean(
        readonly=True, copy=False, help="The callbacks of this date are planned.", index=True
    )
    callback_ids = fields.One2many("kefu.callback", "special_id", string="Callbacks")
    callback_count = fields.Integer(compute="_compute_callback_count")

    @api.depends("callback_ids")
    def _compute_callback_count(self):
        for special in self:
            special.callback_count = len(special.callback_ids)

    @api.constrains("kind", "date", "date_end")
    def _check_dates(self):
        for special in self:
            if special.kind != "anniversary" and not special.date:
                raise ValidationError(self.env._("A special callback needs its date."))
            if special.date_end and special.date and special.date_end < special.date:
                raise ValidationError(self.env._("The last day cannot be before the first day."))

    @api.model_create_multi
    def create(self, vals_list):
        specials = super().create(vals_list)
        specials._kefu_recheck_anniversaries()
        return specials

    def write(self, vals):
        res = super().write(vals)
        if {"kind", "target", "partner_ids", "active"} & set(vals):
            self._kefu_recheck_anniversaries()
        return res

    def _kefu_recheck_anniversaries(self):
        # Who is called on an anniversary changed: the planner looks at everyone again.
        if any(special.kind == "anniversary" for special in self.with_context(active_test=False)):
            partners = (
                self.env["res.partner"]
                .sudo()
                .with_context(active_test=False)
                .search([("kefu_anniversary_check_date", "!=", False)])
            )
            partners.write({"kefu_anniversary_check_date": False})

    def _target_domain(self):
        self.ensure_one()
        if self.target == "selected":
            return [("id", "in", self.partner_ids.ids)]
        if self.target == "key":
            return [("kefu_key_customer", "=", True)]
        return [("is_company", "=", True), ("customer_rank", ">", 0)]

    def _target_partners(self, partners=None):
        """The customers this special calls, or those of ``partners`` it calls."""
        self.ensure_one()
        if partners is not None:
            return partners.filtered_domain(self._target_domain())
        return self.env["res.partner"].search(self._target_domain())

    def action_open_callbacks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kefu_management.kefu_callback_action"
        )
        action["domain"] = [("special_id", "=", self.id)]
        return action

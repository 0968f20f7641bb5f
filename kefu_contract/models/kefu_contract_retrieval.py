from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.kefu_management.models.base.kefu_translate import kefu_cron_lang
from odoo.addons.kefu_management.models.base.kefu_translate import kefu_person_env

GM_GROUP = "kefu_management.group_kefu_general_manager"
CS_GROUP = "kefu_management.group_kefu_agent"


class KefuContractRetrieval(models.Model):
    """CON-7: taking a signed contract out of custody needs the General Manager's
    signature (tier validation) and a return deadline."""

    _name = "kefu.contract.retrieval"
    _description = "Contract Retrieval Request"
    # The guard first: a forged state is refused before tier validation looks at it.
    _inherit = ["kefu.protected.mixin", "kefu.approval.mixin"]
    _order = "id desc"
    # Issue 12: what the General Manager signs (which contract, who, until when) is
    # set once at creation and checked there; the rest is written by the actions.
    _kefu_protected_fields = (
        "name",
        "contract_id",
        "requested_by_id",
        "date_return_due",
        "state",
        "approved_by_id",
        "date_out",
        "date_returned",
    )
    _kefu_create_fields = ("name", "contract_id", "date_return_due")

    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"

    name = fields.Char(default="/", readonly=True, copy=False)
    contract_id = fields.Many2one(
        "kefu.contract",
        string="Contract",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("state", "=", "custody"), ("is_out", "=", False)],
    )
    partner_id = fields.Many2one(related="contract_id.partner_id")
    requested_by_id = fields.Many2one(
        "res.users",
        string="Requested by",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
        index=True,
    )
    purpose = fields.Text(required=True)
    date_return_due = fields.Datetime(string="Return Deadline", required=True, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("out", "Out of Custody"),
            ("overdue", "Return Overdue"),
            ("returned", "Returned"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_out = fields.Datetime(string="Taken Out On", readonly=True, copy=False)
    date_returned = fields.Datetime(string="Returned On", readonly=True, copy=False)
    company_id = fields.Many2one(related="contract_id.company_id", store=True)

    @api.constrains("date_return_due", "state")
    def _check_date_return_due(self):
        now = fields.Datetime.now()
        for retrieval in self:
            if retrieval.state == "draft" and retrieval.date_return_due <= now:
                raise ValidationError(self.env._("The return deadline must be in the future."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("date_return_due"):
                raise ValidationError(
                    self.env._("Set the date by which the contract must be returned to custody.")
                )
            contract = self.env["kefu.contract"].browse(vals.get("contract_id"))
            if contract.state != "custody" or contract.is_out:
                raise UserError(
                    self.env._("Only a contract kept in CS custody can be requested out.")
                )
            if not self.env.su or vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(self._name) or "/"
        return super().create(vals_list)

    def _kefu_requester(self):
        return self.requested_by_id

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["state", "approved_by_id"]

    def validate_tier(self):
        self.ensure_one()
        # CON-7: the General Manager's signature, nobody else's.
        if not self.env.user.has_group(GM_GROUP):
            raise UserError(
                self.env._("Only the General Manager approves taking a contract out of custody.")
            )
        res = super().validate_tier()
        self.invalidate_recordset()
        if self.validation_status == "validated" and self.state == "draft":
            self._kefu_protected_write({"state": "approved", "approved_by_id": self.env.uid})
            self.message_post(
                body=self.env._("Retrieval approved by the General Manager."),
                partner_ids=self.requested_by_id.partner_id.ids,
            )
        return res

    def action_request(self):
        for retrieval in self:
            if retrieval.state != "draft":
                raise UserError(self.env._("Only a draft retrieval request is sent for approval."))
        reviews = self.request_validation()
        self._update_counter({"review_created": True})
        return reviews

    def action_hand_out(self):
        if not self.env.user.has_group(CS_GROUP):
            raise UserError(self.env._("Only Customer Service hands contracts out of custody."))
        for retrieval in self:
            if retrieval.state != "approved":
                raise UserError(self.env._("The General Manager must approve the retrieval first."))
            if retrieval.contract_id.state != "custody" or retrieval.contract_id.is_out:
                raise UserError(
                    self.env._("Only a contract kept in CS custody can be requested out.")
                )
            retrieval._kefu_protected_write({"state": "out", "date_out": fields.Datetime.now()})
            retrieval.contract_id._kefu_log(
                "out", retrieval, self.env._("Due back %s", retrieval.date_return_due)
            )

    def action_return(self):
        if not self.env.user.has_group(CS_GROUP):
            raise UserError(self.env._("Only Customer Service takes contracts back into custody."))
        for retrieval in self:
            if retrieval.state not in ("out", "overdue"):
                raise UserError(self.env._("This contract is not out of custody."))
            retrieval._kefu_protected_write(
                {"state": "returned", "date_returned": fields.Datetime.now()}
            )
            retrieval.activity_feedback(["mail.mail_activity_data_todo"])
            retrieval.contract_id._kefu_log("returned", retrieval)

    def action_cancel(self):
        self.check_access("write")
        if self.filtered(lambda r: r.state not in ("draft", "approved")):
            raise UserError(self.env._("A contract already handed out cannot be cancelled."))
        self._kefu_protected_write({"state": "cancel"})

    @api.model
    @kefu_cron_lang
    def _cron_flag_overdue_returns(self, batch_size=200):
        """CON-7: contracts not back by their deadline are flagged and reminded."""
        managers = self.env["kefu.contract"]._kefu_cs_managers()
        today = fields.Date.context_today(self)

        def flag(retrievals):
            retrievals._kefu_protected_write({"state": "overdue"})
            # Issue 17: the batch's notes and activities in bulk.
            batches = self.env["kefu.cron.batch"]
            batches.log_notes(
                [
                    (
                        retrieval,
                        self.env._(
                            "Contract %(contract)s was due back in custody by %(due)s.",
                            contract=retrieval.contract_id.display_name,
                            due=retrieval.date_return_due,
                        ),
                        (retrieval.requested_by_id | managers).partner_id,
                    )
                    for retrieval in retrievals
                ]
            )
            todo = self.env.ref("mail.mail_activity_data_todo").id
            batches.schedule_activities(
                retrievals,
                {
                    retrieval.id: {
                        "activity_type_id": todo,
                        "date_deadline": today,
                        "summary": kefu_person_env(self.env, retrieval.requested_by_id)._(
                            "Return the contract to CS custody"
                        ),
                        "user_id": retrieval.requested_by_id.id,
                    }
                    for retrieval in retrievals
                },
            )

        return self.env["kefu.cron.batch"].run(
            self._name,
            [("state", "=", "out"), ("date_return_due", "<=", fields.Datetime.now())],
            flag,
            batch_size,
        )

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kefu_management.models.base.kefu_translate import kefu_cron_lang
from odoo.addons.kefu_management.models.base.kefu_translate import kefu_person_env

CS_GROUP = "kefu_management.group_kefu_agent"
CS_MANAGER_GROUP = "kefu_management.group_kefu_manager"
DELIVERY_STATES = [
    ("none", "No Sales Order"),
    ("pending", "Not Delivered"),
    ("partial", "Partially Delivered"),
    ("done", "Delivered"),
]


class KefuContract(models.Model):
    """Signing, custody (CON-6, CON-7) and delivery supervision (CON-5)."""

    _inherit = "kefu.contract"

    date_signed = fields.Datetime(string="Signed On", tracking=True, copy=False)
    date_signed_customer = fields.Date(string="Signed by Customer On", copy=False)
    signed_document = fields.Binary(string="Signed Contract", attachment=True, copy=False)
    signed_document_name = fields.Char(copy=False)
    custody_due = fields.Datetime(
        string="Custody Due",
        readonly=True,
        copy=False,
        help="CON-6: one working day after signing.",
    )
    custody_date = fields.Datetime(string="Received in Custody", readonly=True, copy=False)
    custody_late = fields.Boolean(
        string="Late to Custody", readonly=True, copy=False, index=True, tracking=True
    )
    custody_log_ids = fields.One2many(
        "kefu.contract.custody.log", "contract_id", string="Custody Log"
    )
    retrieval_ids = fields.One2many("kefu.contract.retrieval", "contract_id", string="Retrievals")
    is_out = fields.Boolean(
        string="Out of Custody", compute="_compute_is_out", store=True, index=True
    )
    delivery_state = fields.Selection(
        DELIVERY_STATES,
        compute="_compute_delivery_state",
        store=True,
        compute_sudo=True,
        string="Delivery Status",
    )
    delivered_on = fields.Datetime(compute="_compute_delivery_state", store=True, compute_sudo=True)
    delivery_flagged_on = fields.Datetime(
        string="Delivery Overdue Flagged On", readonly=True, copy=False
    )
    delivery_late = fields.Boolean(
        compute="_compute_delivery_late",
        store=True,
        index=True,
        help="CON-5: the goods were not delivered within the contract's delivery period.",
    )

    @api.depends("retrieval_ids.state")
    def _compute_is_out(self):
        for contract in self:
            contract.is_out = any(r.state in ("out", "overdue") for r in contract.retrieval_ids)

    @api.depends(
        "sale_order_ids.delivery_status",
        "sale_order_ids.picking_ids.state",
        "sale_order_ids.picking_ids.date_done",
    )
    def _compute_delivery_state(self):
        for contract in self:
            orders = contract.sale_order_ids.filtered(lambda o: o.state == "sale")
            statuses = set(orders.mapped("delivery_status"))
            if not orders:
                contract.delivery_state = "none"
            elif statuses == {"full"}:
                contract.delivery_state = "done"
            elif statuses & {"partial", "started", "full"}:
                contract.delivery_state = "partial"
            else:
                contract.delivery_state = "pending"
            done = orders.picking_ids.filtered(
                lambda p: p.state == "done" and p.picking_type_code == "outgoing"
            )
            contract.delivered_on = (
                max(done.mapped("date_done")) if contract.delivery_state == "done" else False
            )

    @api.depends("delivery_state", "delivered_on", "delivery_date_end", "delivery_flagged_on")
    def _compute_delivery_late(self):
        for contract in self:
            end = contract.delivery_date_end
            if contract.delivery_state == "done":
                contract.delivery_late = bool(
                    end and contract.delivered_on and contract.delivered_on.date() > end
                )
            else:
                contract.delivery_late = bool(contract.delivery_flagged_on)

    def action_sign(self):
        """Sales record the signature; CS custody is due in one working day (CON-6)."""
        self._kefu_check_sales_side()
        days = self.env["kefu.settings"].get_value("kefu_con_custody_days")
        working_time = self.env["kefu.working.time"]
        for contract in self:
            if contract.state != "approved":
                raise UserError(
                    self.env._(
                        "Contract %s can be signed only after every reviewer approved it.",
                        contract.display_name,
                    )
                )
            if not contract.signed_document:
                raise UserError(
                    self.env._("Attach the signed contract to %s first.", contract.display_name)
                )
            signed = contract.date_signed or fields.Datetime.now()
            if signed > fields.Datetime.now():
                raise UserError(self.env._("The signature date cannot be in the future."))
            contract._kefu_protected_write(
                {
                    "state": "signed",
                    "date_signed": signed,
                    "custody_due": working_time.add_working_days(signed, days),
                }
            )
            contract.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=fields.Date.context_today(contract),
                summary=self.env._("Hand the signed contract to CS custody"),
                user_id=contract.user_id.id,
            )

    def action_receive_custody(self):
        """CS receives the signed contract (CON-6); a late arrival counts in the KPI."""
        if not self.env.user.has_group(CS_GROUP):
            raise UserError(self.env._("Only Customer Service receives contracts in custody."))
        now = fields.Datetime.now()
        for contract in self:
            if contract.state != "signed":
                raise UserError(self.env._("Only a signed contract can be received in custody."))
            contract._kefu_protected_write(
                {
                    "state": "custody",
                    "custody_date": now,
                    "custody_late": contract.custody_late or now > contract.custody_due,
                }
            )
            contract.activity_feedback(["mail.mail_activity_data_todo"])
            contract._kefu_log("received")

    def action_close(self):
        if not self.env.user.has_group(CS_MANAGER_GROUP):
            raise UserError(self.env._("Only the CS Manager closes a contract kept in custody."))
        for contract in self:
            if contract.state != "custody" or contract.is_out:
                raise UserError(
                    self.env._("Only a contract kept in custody (not taken out) can be closed.")
                )
        self._kefu_protected_write({"state": "closed"})
        for contract in self:
            contract._kefu_log("closed")

    def _kefu_log(self, action, retrieval=None, note=None):
        self.ensure_one()
        self.env["kefu.contract.custody.log"].sudo().create(
            {
                "contract_id": self.id,
                "action": action,
                "user_id": self.env.uid,
                "retrieval_id": retrieval.id if retrieval else False,
                "note": note,
            }
        )

    @api.model
    @kefu_cron_lang
    def _cron_flag_late_custody(self, batch_size=200):
        """CON-6: signed contracts not in custody after one working day."""

        def flag(contracts):
            # Issue 17: one write and one bulk log for the batch.
            contracts._kefu_protected_write({"custody_late": True})
            self.env["kefu.cron.batch"].log_notes(
                [
                    (
                        contract,
                        self.env._(
                            "The signed contract has not reached CS custody by %(due)s.",
                            due=contract.custody_due,
                        ),
                        contract.user_id.partner_id,
                    )
                    for contract in contracts
                ]
            )

        return self.env["kefu.cron.batch"].run(
            self._name,
            [
                ("state", "=", "signed"),
                ("custody_late", "=", False),
                ("custody_due", "<=", fields.Datetime.now()),
            ],
            flag,
            batch_size,
        )

    @api.model
    @kefu_cron_lang
    def _cron_flag_late_delivery(self, batch_size=200):
        """CON-5: CS urges sales when the goods miss the delivery deadline."""
        today = fields.Date.context_today(self)
        now = fields.Datetime.now()

        def flag(contracts):
            contracts._kefu_protected_write({"delivery_flagged_on": now})
            todo = self.env.ref("mail.mail_activity_data_todo").id
            values = {}
            for contract in contracts:
                env = kefu_person_env(self.env, contract.user_id)
                values[contract.id] = {
                    "activity_type_id": todo,
                    "date_deadline": today,
                    "summary": env._("Goods not delivered within the contract's period"),
                    "note": env._(
                        "Contract %(contract)s: delivery was due by %(date)s. Urge the delivery.",
                        contract=contract.display_name,
                        date=contract.delivery_date_end,
                    ),
                    "user_id": contract.user_id.id,
                }
            # Issue 17: the batch's activities in one create.
            self.env["kefu.cron.batch"].schedule_activities(contracts, values)

        return self.env["kefu.cron.batch"].run(
            self._name,
            [
                ("state", "in", ("signed", "custody")),
                ("delivery_state", "in", ("pending", "partial")),
                ("delivery_flagged_on", "=", False),
                ("delivery_date_end", "<", today),
            ],
            flag,
            batch_size,
        )

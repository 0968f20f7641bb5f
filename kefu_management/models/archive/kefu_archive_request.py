from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class KefuArchiveRequest(models.Model):
    """A request for customer information or statistics (ARC-7).

    Anyone asking for customer archives or customer statistics applies to the CS
    department with his own department manager's signature (部门经理签字后,
    向客服部申请查阅). The signatures are tier reviews: first the requester's
    department manager (``hr`` when installed, else the approver group of the
    settings, as for borrowing cards), then the CS Manager; then the CS department
    provides the statistics, or for archives the requester borrows them with a
    borrowing card (ARC-10), which this request does not replace.
    """

    _name = "kefu.archive.request"
    _description = "Customer Information Request"
    # The guard first, as for borrowing cards.
    _inherit = ["kefu.protected.mixin", "kefu.approval.mixin"]
    _order = "id desc"

    # Reviews show and are signed while the request is draft or submitted.
    _state_from = ["draft", "submitted"]
    _state_to = ["approved"]
    _cancel_state = "cancelled"
    _kefu_request_button = "action_submit"
    _kefu_protected_fields = (
        "state",
        "requester_id",
        "approver_id",
        "submitted_on",
        "provided_on",
        "provided_by_id",
        "company_id",
    )
    # Filed once by the requester, checked in create and _check_approver.
    _kefu_create_fields = ("requester_id", "approver_id", "company_id")
    # ARC-7: the information provided is the CS Manager's, written at the provide
    # step (state approved) and fixed by action_provide.
    _kefu_answer_fields = ("answer",)

    name = fields.Char(
        required=True, readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    kind = fields.Selection(
        [("archive", "Customer Archives"), ("statistics", "Customer Statistics")],
        string="Request For",
        required=True,
        default="statistics",
        tracking=True,
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        domain="[('is_company', '=', True)]",
        help="The customers whose archives are requested.",
    )
    statistics = fields.Text(
        string="Statistics Requested", help="Which customer statistics, by what criteria."
    )
    date_from = fields.Date(string="Period From")
    date_to = fields.Date(string="Period To")
    purpose = fields.Text(string="Purpose of the Request", required=True)
    requester_id = fields.Many2one(
        "res.users",
        string="Requester",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
        index=True,
    )
    department = fields.Char(
        string="Requester's Department",
        compute="_compute_department",
        store=True,
        readonly=False,
        precompute=True,
    )
    approver_id = fields.Many2one(
        "res.users",
        string="Department Manager",
        required=True,
        tracking=True,
        domain="[('id', 'in', approver_candidate_ids)]",
        help="Signs first: the requester's own department manager.",
    )
    approver_candidate_ids = fields.Many2many(
        "res.users", string="Possible Signers", compute="_compute_approver_candidate_ids"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("provided", "Provided"),
            ("rejected", "Rejected"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    submitted_on = fields.Datetime(readonly=True, copy=False)
    provided_on = fields.Datetime(readonly=True, copy=False)
    provided_by_id = fields.Many2one("res.users", string="Provided By", readonly=True, copy=False)
    answer = fields.Html(string="Information Provided")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("requester_id")
    def _compute_department(self):
        for request in self:
            if request.department or "hr.employee" not in self.env:
                continue
            employee = (
                self.env["hr.employee"]
                .sudo()
                .search([("user_id", "=", request.requester_id.id)], limit=1)
            )
            request.department = employee.department_id.name or False

    @api.depends("requester_id")
    def _compute_approver_candidate_ids(self):
        for request in self:
            request.approver_candidate_ids = request._kefu_department_managers()

    def _kefu_department_managers(self):
        """ARC-7: the requester's own department managers, as for borrowing cards."""
        self.ensure_one()
        return self.env["kefu.archive.borrow"]._kefu_managers_of(self.requester_id)

    def _kefu_requester(self):
        return self.requester_id

    @api.constrains("approver_id", "requester_id")
    def _check_approver(self):
        for request in self:
            if request.approver_id == request.requester_id:
                raise ValidationError(self.env._("You cannot approve your own request."))
            if request.approver_id not in request._kefu_department_managers():
                raise ValidationError(
                    self.env._(
                        "%(approver)s is not a department manager of %(requester)s: the "
                        "request is signed first by the requester's own department manager "
                        "(ARC-7).",
                        approver=request.approver_id.name,
                        requester=request.requester_id.name,
                    )
                )

    @api.constrains("kind", "partner_ids", "statistics", "date_from", "date_to")
    def _check_subject(self):
        for request in self:
            if request.kind == "archive" and not request.partner_ids:
                raise ValidationError(self.env._("Name the customers whose archives you need."))
            if request.kind == "statistics" and not request.statistics:
                raise ValidationError(self.env._("Say which statistics you need."))
            if request.date_from and request.date_to and request.date_from > request.date_to:
                raise ValidationError(self.env._("The period ends before it starts."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.su:
                # ARC-7: nobody files a request with its answer.
                self._kefu_refuse({f for f in self._kefu_answer_fields if vals.get(f)})
            requester = vals.get("requester_id")
            if requester and requester != self.env.uid and not self.env.su:
                raise UserError(self.env._("A request is filed by the requester himself (ARC-7)."))
        requests = super().create(vals_list)
        for request in requests:
            request.name = (
                self.env["ir.sequence"].next_by_code("kefu.archive.request") or request.name
            )
        return requests

    def write(self, vals):
        if not self.env.su and set(self._kefu_answer_fields) & set(vals):
            self._kefu_check_answering(set(self._kefu_answer_fields) & set(vals))
        return super().write(vals)

    def _kefu_check_answering(self, fields):
        """ARC-7: only a CS Manager other than the requester writes the information,
        while the request is approved and not yet provided."""
        user = self.env.user
        if not user.has_group("kefu_management.group_kefu_manager") or any(
            r.state != "approved" or r.requester_id == user for r in self
        ):
            self._kefu_refuse(fields)

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "state",
            "submitted_on",
            "provided_on",
            "provided_by_id",
            "answer",
        ]

    def _kefu_check_requester(self):
        if any(r.requester_id != self.env.user for r in self):
            raise UserError(self.env._("Only the requester submits or withdraws his request."))

    def action_submit(self):
        """ARC-7: the requester sends it for the signatures."""
        self._kefu_check_requester()
        for request in self:
            if request.state != "draft":
                raise UserError(self.env._("Only a draft request can be submitted."))
            request.request_validation()
            request._kefu_protected_write(
                {"state": "submitted", "submitted_on": fields.Datetime.now()}
            )

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        # The last signature (the CS Manager's) approves the request.
        self.invalidate_recordset()
        self.filtered(lambda r: r.state == "submitted" and r.validated)._kefu_protected_write(
            {"state": "approved"}
        )
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers)
        self.invalidate_recordset()
        self.filtered(lambda r: r.state == "submitted" and r.rejected)._kefu_protected_write(
            {"state": "rejected"}
        )
        return res

    def action_provide(self):
        """ARC-7: the CS department provides what was approved."""
        if not self.env.user.has_group("kefu_management.group_kefu_manager"):
            raise UserError(self.env._("Only the CS Manager provides customer information."))
        for request in self:
            if request.state != "approved":
                raise UserError(self.env._("The request must be signed by every reviewer first."))
            if request.requester_id == self.env.user:
                raise UserError(self.env._("You cannot approve your own request."))
            # ARC-7: from here on the information provided is fixed (see write).
            request._kefu_protected_write(
                {
                    "state": "provided",
                    "provided_on": fields.Datetime.now(),
                    "provided_by_id": self.env.uid,
                }
            )
            request.message_post(
                body=self.env._("The information was provided."),
                partner_ids=request.requester_id.partner_id.ids,
            )

    def action_borrow(self):
        """ARC-7, ARC-10: archives themselves are read with a borrowing card."""
        self.ensure_one()
        if self.state not in ("approved", "provided") or self.kind != "archive":
            raise UserError(self.env._("Only an approved request for archives leads to a card."))
        return {
            "type": "ir.actions.act_window",
            "res_model": "kefu.archive.borrow",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_partner_id": self.partner_ids[:1].id,
                "default_approver_id": self.approver_id.id,
                "default_purpose": self.purpose,
            },
        }

    def action_cancel(self):
        requests = self.filtered(lambda r: r.state in ("draft", "submitted"))
        if not self.env.user.has_group("kefu_management.group_kefu_manager"):
            requests._kefu_check_requester()
        requests._kefu_protected_write({"state": "cancelled"})

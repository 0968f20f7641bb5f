from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..base.kefu_translate import kefu_cron_lang
from ..base.kefu_translate import kefu_lang_env


class KefuArchiveBorrow(models.Model):
    """Borrowing card (借阅卡) for one customer archive (ARC-7, ARC-10).

    Requested by a manager, approved first by the requester's department
    manager (the signature is the tier review: user and time), then by the CS
    department, whose signature grants it. While granted and not past due, the
    borrower reads the archive through the record rule
    ``kefu_archive_rule_borrowed``; at the due time the card shows itself expired
    (``is_expired``, from the clock, not the cron).

    Who reads which archive until when is the card itself: its state, customer,
    borrower, signer and due time change only through its actions
    (``kefu.protected.mixin``); what the borrower asked for is fixed when he files
    the card, and checked there.
    """

    _name = "kefu.archive.borrow"
    _description = "Archive Borrowing Card"
    # The guard first: tier validation reacts to a state written to "granted" by
    # requesting and signing reviews before any other check.
    _inherit = ["kefu.protected.mixin", "kefu.approval.mixin"]
    _order = "id desc"

    _state_from = ["draft"]
    _state_to = ["granted"]
    _cancel_state = "cancelled"
    _kefu_protected_fields = (
        "state",
        "partner_id",
        "archive_id",
        "borrower_id",
        "approver_id",
        "date_due",
        "granted_on",
        "granted_by_id",
        "returned_on",
        "company_id",
    )
    # Filed once by the borrower, validated in create and _check_approver.
    _kefu_create_fields = (
        "partner_id",
        "borrower_id",
        "approver_id",
        "date_due",
        "company_id",
    )

    name = fields.Char(
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        domain="[('is_company', '=', True)]",
    )
    archive_id = fields.Many2one(
        "kefu.archive",
        compute="_compute_archive_id",
        store=True,
        index=True,
        readonly=True,
    )
    borrower_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
        index=True,
    )
    approver_id = fields.Many2one(
        "res.users",
        string="Department Manager",
        required=True,
        tracking=True,
        help="Signs the card first: the borrower's department manager.",
    )
    purpose = fields.Text(required=True)
    date_due = fields.Datetime(string="Due", required=True, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("granted", "Granted"),
            ("overdue", "Overdue"),
            ("returned", "Returned"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    granted_on = fields.Datetime(readonly=True, copy=False)
    granted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    returned_on = fields.Datetime(readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    is_expired = fields.Boolean(
        string="Expired",
        compute="_compute_is_expired",
        search="_search_is_expired",
        help="The due time has passed: the archive is closed to the borrower, "
        "whether or not the card was already flagged overdue.",
    )

    @api.depends("partner_id")
    def _compute_archive_id(self):
        # The requester usually cannot read the archive: look it up as the system,
        # store only the link; its content stays behind the record rules.
        for card in self:
            partner = card.partner_id.commercial_partner_id
            card.archive_id = (
                self.env["kefu.archive"].sudo().search([("partner_id", "=", partner.id)], limit=1)
                if partner
                else False
            )

    @api.depends("state", "date_due")
    def _compute_is_expired(self):
        # ARC-10: the record rule closes the archive at the due time; the card says
        # so at once instead of waiting for the overdue cron.
        now = fields.Datetime.now()
        for card in self:
            card.is_expired = bool(
                card.state in ("granted", "overdue") and card.date_due and card.date_due <= now
            )

    def _search_is_expired(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on expired cards."))
        expired = [
            ("state", "in", ("granted", "overdue")),
            ("date_due", "<=", fields.Datetime.now()),
        ]
        if (operator == "=") == value:
            return expired
        return ["!", "&", *expired]

    @api.constrains("date_due", "state")
    def _check_date_due(self):
        now = fields.Datetime.now()
        for card in self:
            if card.state == "draft" and card.date_due and card.date_due <= now:
                raise ValidationError(self.env._("The card's due time must be in the future."))

    @api.constrains("approver_id", "borrower_id")
    def _check_approver(self):
        for card in self:
            if card.approver_id == card.borrower_id:
                raise ValidationError(self.env._("You cannot approve your own borrowing card."))
            if card.approver_id not in card._kefu_department_managers():
                raise ValidationError(
                    self.env._(
                        "%(approver)s is not a department manager of %(borrower)s: the card is "
                        "signed first by the borrower's own department manager (ARC-7).",
                        approver=card.approver_id.name,
                        borrower=card.borrower_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            borrower = self.env["res.users"].browse(vals.get("borrower_id") or self.env.uid)
            # ARC-10: the borrower's own right, whoever files the card.
            if not borrower.sudo().has_group("kefu_management.group_kefu_archive_borrower"):
                raise UserError(self.env._("Only managers may borrow customer archives (ARC-10)."))
            if borrower != self.env.user and not self.env.su:
                raise UserError(
                    self.env._(
                        "A borrowing card is requested by the borrower himself, who answers "
                        "for its use (ARC-10)."
                    )
                )
        cards = super().create(vals_list)
        for card in cards:
            if not card.archive_id:
                raise ValidationError(
                    self.env._(
                        "%(customer)s has no archive to borrow.",
                        customer=card.partner_id.display_name,
                    )
                )
            if card.archive_id.with_user(card.borrower_id)._filtered_access("read"):
                raise ValidationError(
                    self.env._("You can already read this archive: no card is needed.")
                )
            card.name = self.env["ir.sequence"].next_by_code("kefu.archive.borrow") or card.name
        return cards

    def write(self, vals):
        # Guarded fields reach here only through _kefu_protected_write (actions).
        res = super().write(vals)
        if "state" in vals or "date_due" in vals:
            # Who reads which archive just changed: drop values computed earlier
            # in this transaction for the archives and their customers.
            self.env["kefu.archive"].invalidate_model(["borrowed_by_me"])
            self.env["res.partner"].invalidate_model(["kefu_archive_count", "kefu_secrecy_level"])
        return res

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["state", "granted_on", "granted_by_id"]

    def _kefu_requester(self):
        return self.borrower_id

    def _kefu_department_managers(self):
        """ARC-7: who may sign the card first. With ``hr`` installed (kefu does not
        depend on it), the managers hr knows for the borrower (his manager, his
        department's manager); else, or when hr names none, the members of the
        approver group of the settings. Never the borrower himself."""
        self.ensure_one()
        return self._kefu_managers_of(self.borrower_id)

    @api.model
    def _kefu_managers_of(self, borrower):
        """ARC-7: the department managers of ``borrower`` (also used by the
        customer information requests, ``kefu.archive.request``)."""
        if "hr.employee" in self.env:
            employees = self.env["hr.employee"].sudo().search([("user_id", "=", borrower.id)])
            managers = (employees.parent_id | employees.department_id.manager_id).user_id
            if managers - borrower:
                return managers - borrower
        # A many2one setting is stored as an id (its default is one as well).
        group_id = self.env["kefu.settings"].get_value("kefu_borrow_approver_group_id")
        group = self.env["res.groups"].sudo().browse(int(group_id or 0)).exists()
        return group.users - borrower

    def _kefu_check_holder(self):
        # The borrower returns or withdraws his card; the CS department may do it for him.
        if self.env.user.has_group("kefu_management.group_kefu_manager"):
            return
        if any(card.borrower_id != self.env.user for card in self):
            raise UserError(
                self.env._("Only the borrower or the CS department may return or cancel a card.")
            )

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        # The last signature grants the card: the CS department signs last, and
        # its signature is the hand-over (no separate grant click).
        self.invalidate_recordset()
        done = self.filtered(lambda c: c.state == "draft" and c.validated)
        if done:
            done._kefu_grant()
        return res

    def action_grant(self):
        # Kept for cards signed before grants followed the last signature; a card
        # already granted is left as it is.
        if not self.env.user.has_group("kefu_management.group_kefu_manager"):
            raise UserError(self.env._("Only the CS department grants borrowing cards."))
        # Tier validation's need_validation is computed without dependencies: drop
        # what this transaction cached before the last signature.
        self.invalidate_recordset()
        cards = self.filtered(lambda c: c.state != "granted")
        for card in cards:
            if card.state != "draft" or not card.validated:
                raise UserError(
                    self.env._("The card must be approved by every reviewer before it is granted.")
                )
        cards._kefu_grant()

    def _kefu_grant(self):
        now = fields.Datetime.now()
        for card in self:
            if card.date_due <= now:
                raise UserError(self.env._("The card's due time has passed: request a new card."))
            card._kefu_protected_write(
                {"state": "granted", "granted_on": now, "granted_by_id": self.env.uid}
            )
            card.message_post(
                body=self.env._("Card granted until %(due)s.", due=card.date_due),
                partner_ids=card.borrower_id.partner_id.ids,
            )

    @api.model
    def _kefu_expired_access_error(self, archives):
        """ARC-10: the error shown when an archive closed to its borrower at the
        due time of his card, or None when no such card explains the refusal."""
        cards = self.sudo().search(
            [
                ("borrower_id", "=", self.env.uid),
                ("archive_id", "in", archives.ids),
                ("state", "in", ("granted", "overdue")),
                ("date_due", "<=", fields.Datetime.now()),
            ],
            order="date_due desc",
        )
        if not cards or set(cards.archive_id.ids) != set(archives.ids):
            return None
        env = kefu_lang_env(self.env)
        card = cards[0]
        return AccessError(
            env._(
                "Your borrowing card %(card)s for the archive of %(customer)s expired at "
                "%(due)s: the archive is closed to you since then. Return the archive, and "
                "request a new borrowing card if you still need it (ARC-10).",
                card=card.name,
                customer=card.partner_id.display_name,
                due=fields.Datetime.to_string(
                    fields.Datetime.context_timestamp(card.with_env(env), card.date_due)
                ),
            )
        )

    def action_open_archive(self):
        # Opened as the borrower: the record rule decides, not this button.
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "kefu.archive",
            "res_id": self.archive_id.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_return(self):
        cards = self.filtered(lambda c: c.state in ("granted", "overdue"))
        cards._kefu_check_holder()
        for card in cards:
            card._kefu_protected_write({"state": "returned", "returned_on": fields.Datetime.now()})
            card.message_post(body=self.env._("Archive returned."))

    def action_cancel(self):
        cards = self.filtered(lambda c: c.state == "draft")
        cards._kefu_check_holder()
        # Tier validation drops the card's reviews on cancellation (as superuser).
        cards._kefu_protected_write({"state": "cancelled"})

    @api.model
    @kefu_cron_lang
    def _cron_flag_overdue(self, batch_size=200):
        # ARC-10: at the due time access ends by itself (record rule); the card is
        # flagged overdue until returned and the borrower and CS are told.
        managers = self.env.ref("kefu_management.group_kefu_manager").users

        def flag(cards):
            # Issue 17: one write and one bulk log for the batch.
            cards._kefu_protected_write({"state": "overdue"})
            self.env["kefu.cron.batch"].log_notes(
                [
                    (
                        card,
                        self.env._(
                            "The borrowing card is past due (%(due)s): access has ended. "
                            "Return the archive.",
                            due=card.date_due,
                        ),
                        (card.borrower_id | managers).partner_id,
                    )
                    for card in cards
                ]
            )

        return self.env["kefu.cron.batch"].run(
            self._name,
            [("state", "=", "granted"), ("date_due", "<=", fields.Datetime.now())],
            flag,
            batch_size,
        )

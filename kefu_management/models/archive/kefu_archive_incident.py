from odoo import api, fields, models
from odoo.exceptions import ValidationError


class KefuArchiveIncident(models.Model):
    """A violation, loss or leak of customer archives (ARC-10).

    Recorded against the person; the direct superior who approved his borrowing
    card bears leadership responsibility and is taken from the card. Seen only by
    the CS Manager and the General Manager (access rights, no other group).
    """

    _name = "kefu.archive.incident"
    _description = "Archive Incident"
    _inherit = ["mail.thread", "mail.activity.mixin", "kefu.input.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Incident Summary", required=True, tracking=True)
    incident_type = fields.Selection(
        [("violation", "Violation"), ("loss", "Loss"), ("leak", "Leak")],
        string="Type",
        required=True,
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    person_id = fields.Many2one(
        "res.users", string="Responsible Person", required=True, index=True, tracking=True
    )
    borrow_id = fields.Many2one(
        "kefu.archive.borrow",
        string="Borrowing Card",
        index=True,
        tracking=True,
        domain="[('borrower_id', '=', person_id)]",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_from_card",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('is_company', '=', True)]",
    )
    superior_id = fields.Many2one(
        "res.users",
        string="Approving Superior",
        compute="_compute_from_card",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        help="The direct superior who approved: the signer of the borrowing card.",
    )
    description = fields.Html()
    measures = fields.Text(string="Action Taken")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.depends("borrow_id")
    def _compute_from_card(self):
        for incident in self:
            card = incident.borrow_id
            if card:
                incident.superior_id = card.approver_id
                incident.partner_id = card.partner_id.commercial_partner_id
            else:
                incident.superior_id = incident.superior_id
                incident.partner_id = incident.partner_id

    @api.constrains("person_id", "borrow_id", "superior_id")
    def _check_people(self):
        for incident in self:
            card = incident.borrow_id
            if not incident.superior_id:
                raise ValidationError(
                    self.env._("Name the approving superior, who bears leadership responsibility.")
                )
            if card and card.borrower_id != incident.person_id:
                raise ValidationError(
                    self.env._(
                        "Borrowing card %(card)s belongs to %(borrower)s, not to %(person)s.",
                        card=card.name,
                        borrower=card.borrower_id.name,
                        person=incident.person_id.name,
                    )
                )
            if card and incident.superior_id != card.approver_id:
                raise ValidationError(
                    self.env._(
                        "The approving superior is the signer of the borrowing card: %(approver)s.",
                        approver=card.approver_id.name,
                    )
                )
            if incident.superior_id == incident.person_id:
                raise ValidationError(
                    self.env._("The approving superior cannot be the person himself.")
                )

from odoo import api, fields, models


class KefuTicketContact(models.Model):
    """SVC-4: one contact with the customer, also a phone call entered by hand.

    An outgoing contact is a reply to the customer and stops the response clock
    (SVC-2); an incoming one means the customer had to come back (SVC-1).
    """

    _name = "kefu.ticket.contact"
    _description = "Ticket Contact"
    _inherit = ["kefu.input.mixin"]
    _order = "date desc, id desc"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade", index=True)
    date = fields.Datetime(string="Time", required=True, default=fields.Datetime.now)
    direction = fields.Selection(
        [("in", "From the customer"), ("out", "Reply to the customer")],
        required=True,
        default="out",
    )
    channel_id = fields.Many2one("helpdesk.ticket.channel", string="Channel")
    name = fields.Char(string="Contact Name", required=True)
    number = fields.Char(string="Contact Number")
    contact_details = fields.Char(string="Other Contact Details")
    content = fields.Text(required=True)
    user_id = fields.Many2one(
        "res.users", string="Logged by", default=lambda self: self.env.user, readonly=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        contacts = super().create(vals_list)
        for contact in contacts.filtered(lambda c: c.direction == "out"):
            contact.ticket_id._kefu_register_reply(contact.date, contact.user_id)
        return contacts

import pytz

from odoo import SUPERUSER_ID, api, fields, models

# Host first: kefu's ticket fields are the customer-service department's. A
# helpdesk user outside it works with OCA's ticket: kefu's fields are neither in
# his views nor readable by him over RPC; kefu's own logic reads and writes them
# as the system where it runs on his behalf.
KEFU_TICKET_GROUPS = "kefu_management.group_kefu_agent"
# CMP-3/CMP-4: the complaint fields are also read by the responsible person of the
# department a complaint is passed to (helpdesk_ticket_complaint.py).
KEFU_COMPLAINT_GROUPS = f"{KEFU_TICKET_GROUPS},kefu_management.group_kefu_complaint_handler"


class HelpdeskTicket(models.Model):
    """Service desk on OCA tickets: enquiry type, contact record (SVC-4),
    first-responder responsibility (SVC-1) and the holiday duty roster (SVC-6)."""

    _inherit = "helpdesk.ticket"

    kefu_enquiry_type_id = fields.Many2one(
        "kefu.enquiry.type",
        string="Enquiry Type",
        tracking=True,
        index=True,
        groups=KEFU_TICKET_GROUPS,
    )
    kefu_is_complaint = fields.Boolean(
        related="kefu_enquiry_type_id.is_complaint",
        string="Is Complaint",
        store=True,
        groups=KEFU_COMPLAINT_GROUPS,
    )
    # SVC-4: time, number, name, contact details and content of every contact;
    # the ticket holds the first one (name and email are OCA's partner fields).
    kefu_contact_date = fields.Datetime(
        string="Contact Time",
        default=fields.Datetime.now,
        required=True,
        copy=False,
        groups=KEFU_TICKET_GROUPS,
    )
    kefu_contact_number = fields.Char(string="Contact Number", groups=KEFU_TICKET_GROUPS)
    kefu_contact_details = fields.Char(
        string="Other Contact Details",
        help="WeChat, address, social-media account ...",
        groups=KEFU_TICKET_GROUPS,
    )
    kefu_contact_ids = fields.One2many(
        "kefu.ticket.contact", "ticket_id", string="Contacts", groups=KEFU_TICKET_GROUPS
    )
    kefu_customer_contact_count = fields.Integer(
        string="Customer Contacts",
        compute="_compute_kefu_customer_contact_count",
        store=True,
        groups=KEFU_TICKET_GROUPS,
    )
    kefu_second_contact = fields.Integer(
        string="Needed Second Contact",
        compute="_compute_kefu_customer_contact_count",
        store=True,
        help="1 when the customer had to contact us again about this matter (SVC-1).",
        groups=KEFU_TICKET_GROUPS,
    )
    # SVC-1: first-responder responsibility.
    kefu_first_responder_id = fields.Many2one(
        "res.users",
        string="First Responder",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        groups=KEFU_TICKET_GROUPS,
    )
    kefu_first_handled_date = fields.Datetime(
        string="First Handled", readonly=True, copy=False, groups=KEFU_TICKET_GROUPS
    )
    kefu_handover_ids = fields.One2many(
        "kefu.ticket.handover",
        "ticket_id",
        string="Hand-overs",
        copy=False,
        groups=KEFU_TICKET_GROUPS,
    )
    kefu_handover_count = fields.Integer(
        string="Hand-over Count",
        compute="_compute_kefu_handover_count",
        groups=KEFU_TICKET_GROUPS,
    )
    kefu_major_matter = fields.Boolean(
        string="Major Matter",
        tracking=True,
        copy=False,
        help="Reported to the General Manager at once (SVC-1).",
        groups=KEFU_TICKET_GROUPS,
    )

    @api.depends("kefu_contact_ids.direction")
    def _compute_kefu_customer_contact_count(self):
        for ticket in self:
            incoming = ticket.kefu_contact_ids.filtered(lambda c: c.direction == "in")
            ticket.kefu_customer_contact_count = 1 + len(incoming)
            ticket.kefu_second_contact = 1 if incoming else 0

    @api.depends("kefu_handover_ids")
    def _compute_kefu_handover_count(self):
        for ticket in self:
            ticket.kefu_handover_count = len(ticket.kefu_handover_ids)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # helpdesk_mgmt's auto-assignment may propose the gateway's superuser.
            if vals.get("user_id") in (None, False, SUPERUSER_ID):
                duty_user = self._kefu_duty_user(vals)
                if duty_user:
                    vals["user_id"] = duty_user.id
        tickets = super().create(vals_list)
        for ticket in tickets:
            # SVC-1: whoever takes the contact (or is assigned it) answers for it.
            responder = ticket.user_id or self._kefu_handling_user()
            if responder:
                ticket._kefu_pin_first_responder(responder)
        tickets.filtered(lambda t: t.sudo().kefu_major_matter)._kefu_notify_major_matter()
        return tickets

    def write(self, vals):
        newly_major = self.browse()
        if vals.get("kefu_major_matter"):
            newly_major = self.filtered(lambda t: not t.kefu_major_matter)
        result = super().write(vals)
        if vals.get("user_id"):
            # Read as the system: the assigning user may be a helpdesk user outside kefu.
            for ticket in self.filtered(lambda t: not t.sudo().kefu_first_responder_id):
                ticket._kefu_pin_first_responder(ticket.user_id)
        newly_major._kefu_notify_major_matter()
        return result

    def copy_data(self, default=None):
        # Host first: a helpdesk user outside kefu duplicates a ticket with its kefu
        # values, which he may not read: they are read as the system (into the
        # cache the copy reads from).
        if not self.env.su:
            self.sudo().fetch(
                [
                    name
                    for name, field in self._fields.items()
                    if field.groups in (KEFU_TICKET_GROUPS, KEFU_COMPLAINT_GROUPS)
                    and field.store
                    and field.copy
                ]
            )
        return super().copy_data(default=default)

    def _kefu_handling_user(self):
        """The internal user handling the current request, if a real person."""
        user = self.env.user
        if (
            self.env.uid == SUPERUSER_ID
            or user.share
            or self.env.context.get("fetchmail_cron_running")
        ):
            return self.env["res.users"]
        return user

    def _kefu_pin_first_responder(self, user, when=None):
        # SVC-1: pinned once, kept through every hand-over; never the superuser.
        if not user or user.id == SUPERUSER_ID or user.share:
            return
        for ticket in self.filtered(lambda t: not t.sudo().kefu_first_responder_id):
            ticket.sudo().write(
                {
                    "kefu_first_responder_id": user.id,
                    "kefu_first_handled_date": when or fields.Datetime.now(),
                }
            )

    @api.model
    def _kefu_internal_users(self, group_xmlid):
        """The active internal users of a group (implied groups included)."""
        users = self.env.ref(group_xmlid).sudo().users
        return users.filtered(lambda u: u.active and not u.share)

    def _kefu_notify_major_matter(self):
        # SVC-1: major matters are reported to the General Manager at once: a mail
        # and an activity on their list.
        if not self:
            return  # issue 17: no group read on every other create and write
        managers = self._kefu_internal_users("kefu_management.group_kefu_general_manager")
        for ticket in self:
            ticket.message_post(
                body=self.env._(
                    "Major matter: %(ticket)s is reported to the General Manager.",
                    ticket=ticket.display_name,
                ),
                partner_ids=managers.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
            for manager in managers:
                ticket.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._(
                        "Major matter: %(ticket)s reported to the General Manager",
                        ticket=ticket.display_name,
                    ),
                    user_id=manager.id,
                )

    @api.model
    def _kefu_duty_user(self, vals):
        """SVC-6: a ticket arriving on a rostered holiday goes to the agent on duty."""
        arrival = vals.get("kefu_contact_date") or fields.Datetime.now()
        arrival = fields.Datetime.to_datetime(arrival)
        company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
        calendar = company.sudo().resource_calendar_id
        tz = pytz.timezone(calendar.tz or "UTC") if calendar else pytz.utc
        day = pytz.utc.localize(arrival).astimezone(tz).date()
        return self.env["kefu.duty.roster"].sudo()._kefu_user_on_duty(day, vals.get("team_id"))

    def action_kefu_handover(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Hand Over"),
            "res_model": "kefu.ticket.handover",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def action_kefu_log_contact(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log Contact"),
            "res_model": "kefu.ticket.contact",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_ticket_id": self.id,
                "default_name": self.partner_name or self.partner_id.name,
                "default_number": self.kefu_contact_number,
                "default_channel_id": self.env.ref(
                    "helpdesk_mgmt.helpdesk_ticket_channel_phone", raise_if_not_found=False
                ).id,
            },
        }

    def message_update(self, msg, update_vals=None):
        # SVC-1/SVC-4: a customer writing again is a second contact.
        result = super().message_update(msg, update_vals=update_vals)
        email_channel = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_channel_email", raise_if_not_found=False
        )
        for ticket in self:
            self.env["kefu.ticket.contact"].sudo().create(
                {
                    "ticket_id": ticket.id,
                    "direction": "in",
                    "channel_id": email_channel.id if email_channel else False,
                    "name": msg.get("email_from") or ticket.partner_name or "-",
                    "contact_details": msg.get("email_from"),
                    "content": msg.get("subject") or self.env._("Email"),
                }
            )
        return result

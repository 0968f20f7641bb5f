import pytz

from odoo import api, fields, models

from ..base.kefu_translate import kefu_person_env
from .helpdesk_ticket import KEFU_TICKET_GROUPS
from .res_config_settings import RESPONSE_LIMITS

ACTIVITY_TYPE = "kefu_management.mail_activity_type_kefu_response"
# Integrity: set only by the routing (SVC-2), never written by agents.
ROUTING_FIELDS = ("kefu_route", "kefu_routed_user_id", "kefu_route_deadline")
# SVC-1: the first responder is pinned once by the system, never chosen by agents.
FIRST_RESPONDER_FIELDS = ("kefu_first_responder_id", "kefu_first_handled_date")


class HelpdeskTicket(models.Model):
    """SVC-2: franchise enquiries get a specialist's call-back within the franchise
    limit; large wholesale leads go to the superior at once."""

    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "kefu.protected.mixin"]  # pylint: disable=consider-merging-classes-inherited

    kefu_route_type = fields.Selection(
        related="kefu_enquiry_type_id.kefu_route", groups=KEFU_TICKET_GROUPS
    )
    # In the company's currency; a plain number keeps the ticket form's reads low.
    kefu_lead_amount = fields.Float(
        string="Estimated Order Amount",
        digits=(16, 2),
        tracking=True,
        help="SVC-2: a wholesale lead from the large-lead amount (Settings) goes to the "
        "superior at once.",
        groups=KEFU_TICKET_GROUPS,
    )
    kefu_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Currency", groups=KEFU_TICKET_GROUPS
    )
    kefu_route = fields.Selection(
        [("franchise", "Franchise call-back"), ("wholesale", "Large wholesale lead")],
        string="Routed As",
        readonly=True,
        copy=False,
        tracking=True,
        groups=KEFU_TICKET_GROUPS,
    )
    kefu_routed_user_id = fields.Many2one(
        "res.users",
        string="Routed To",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        groups=KEFU_TICKET_GROUPS,
    )
    kefu_route_deadline = fields.Datetime(
        string="Call Back Before", readonly=True, copy=False, groups=KEFU_TICKET_GROUPS
    )

    @property
    def _kefu_protected_fields(self):
        # Several classes of helpdesk.ticket add their fields: each extends the list.
        return (*super()._kefu_protected_fields, *FIRST_RESPONDER_FIELDS)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self._kefu_refuse({f for f in ROUTING_FIELDS if vals.get(f)})
        tickets = super().create(vals_list)
        tickets._kefu_route_enquiry()
        return tickets

    def write(self, vals):
        if not self.env.su:
            self._kefu_refuse(set(ROUTING_FIELDS) & set(vals))
        result = super().write(vals)
        if {"kefu_enquiry_type_id", "kefu_lead_amount"} & set(vals):
            self._kefu_route_enquiry()
        return result

    def _kefu_route_due(self):
        """The route this ticket calls for now, or False."""
        self.ensure_one()
        route = self.kefu_enquiry_type_id.kefu_route
        if route == "wholesale":
            large = self.env["kefu.settings"].get_value("kefu_svc_wholesale_amount")
            if self.kefu_lead_amount < large:
                return False
        return route or False

    def _kefu_route_enquiry(self):
        """SVC-2: route each ticket once, when its type (and amount) call for it.
        The routing is the system's, whoever created the ticket (a helpdesk user
        outside kefu may not read the routing fields)."""
        for ticket in self.sudo():
            route = ticket._kefu_route_due()
            if not route or ticket.kefu_route == route:
                continue
            user = ticket._kefu_route_user(route)
            deadline = ticket._kefu_route_deadline(route)
            ticket._kefu_protected_write(
                {
                    "kefu_route": route,
                    "kefu_routed_user_id": user.id,
                    "kefu_route_deadline": deadline,
                }
            )
            if user:
                # Also for a ticket from the portal or the mail gateway: the routing
                # is the system's, whoever created the ticket.
                ticket.sudo().message_subscribe(partner_ids=user.partner_id.ids)
                ticket.sudo()._kefu_notify_routed(route, user, deadline)

    @api.model
    def _kefu_route_user(self, route):
        """The configured person of the route, else the Customer Service Manager
        with the fewest open routed tickets."""
        setting = {
            "franchise": "kefu_svc_franchise_user_id",
            "wholesale": "kefu_svc_wholesale_user_id",
        }[route]
        user_id = self.env["kefu.settings"].get_value(setting)
        user = self.env["res.users"].sudo().browse(int(user_id or 0) or ()).exists()
        if user and user.active and not user.share:
            return user
        managers = self._kefu_internal_users("kefu_management.group_kefu_manager")
        if not managers:
            return self.env["res.users"]
        load = dict(
            self.sudo()._read_group(
                [("kefu_routed_user_id", "in", managers.ids), ("closed", "=", False)],
                ["kefu_routed_user_id"],
                ["__count"],
            )
        )
        return min(managers, key=lambda u: (load.get(u, 0), u.id))

    def _kefu_route_deadline(self, route):
        """Franchise: the contact time plus the franchise limit, in its time basis.
        Wholesale: at once (no deadline of its own)."""
        self.ensure_one()
        if route != "franchise":
            return False
        setting = "kefu_svc_franchise_minutes"
        unit, basis_setting = RESPONSE_LIMITS[setting]
        get = self.env["kefu.settings"].get_value
        return self.env["kefu.working.time"].add_duration(
            self.kefu_contact_date or fields.Datetime.now(),
            get(setting) * unit,
            working_time=get(basis_setting) == "working",
            company=self.company_id,
        )

    def _kefu_notify_routed(self, route, user, deadline):
        """An activity for the routed person, due at the deadline, in his language."""
        self.ensure_one()
        env = kefu_person_env(self.env, user)
        if route == "franchise":
            calendar = self.env["kefu.working.time"]._calendar(self.company_id)
            local = pytz.utc.localize(deadline).astimezone(pytz.timezone(calendar.tz or "UTC"))
            self.activity_schedule(
                ACTIVITY_TYPE,
                date_deadline=local.date(),
                summary=env._(
                    "Call the franchise enquirer back before %(deadline)s",
                    deadline=local.strftime("%Y-%m-%d %H:%M"),
                ),
                user_id=user.id,
            )
        else:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=self.env["kefu.working.time"].local_now(self.company_id).date(),
                summary=env._(
                    "Large wholesale lead: %(ticket)s, about %(amount)s",
                    ticket=self.display_name,
                    amount=f"{self.kefu_lead_amount:,.0f}",
                ),
                user_id=user.id,
            )

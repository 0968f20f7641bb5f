"""Host first: kefu's ticket fields are for the customer-service department.

A helpdesk user of helpdesk_mgmt who is in no kefu group works with tickets as
OCA made them: the ticket views show him no kefu element, reading a kefu field
over RPC is refused, and creating, opening, assigning, answering, duplicating and
closing a ticket work for him (kefu's own logic runs underneath, as the system).
"""

import re

from lxml import etree

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .common import KefuHelpdeskCase

VIEW_TYPES = ("form", "list", "kanban", "search")
HOST_GROUPS = "helpdesk_mgmt.group_helpdesk_user"


def kefu_elements(model, view_types=VIEW_TYPES):
    """{view type: sorted kefu names (fields, buttons, filters, pages, ribbons and
    the kefu fields the view loads)} of the views ``model``'s user gets."""
    views = model.get_views([(False, view_type) for view_type in view_types])
    found = {}
    for view_type in view_types:
        arch = etree.fromstring(views["views"][view_type]["arch"])
        names = set()
        for node in arch.iter(tag=etree.Element):
            for attr, value in node.attrib.items():
                # Odoo's note on the fields it adds for expressions (OCA's own form
                # reads "closed") names every node of the combined view: no element.
                if "kefu" not in value or attr == "data-used-by":
                    continue
                if attr in ("name", "widget"):
                    names.add(value)
                else:
                    names.add(f"{node.get('name') or node.tag}[{attr}]")
        found[view_type] = sorted(names)
    loaded = sorted(name for name in views["models"][model._name]["fields"] if "kefu" in name)
    return found, loaded


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestTicketFieldsHostUsers(KefuHelpdeskCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.host = new_test_user(cls.env, "t_host_desk", groups=HOST_GROUPS)
        cls.ticket = cls.make_ticket(name="Invoice copy", kefu_enquiry_type_id=cls.type_delivery.id)
        cls.complaint = cls.make_ticket(
            name="Broken parts", kefu_enquiry_type_id=cls.type_complaint.id
        )
        cls.done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")

    def test_host_user_views_show_no_kefu_element(self):
        found, loaded = kefu_elements(self.env["helpdesk.ticket"].with_user(self.host))
        shown = sum(len(names) for names in found.values())
        self.assertEqual(
            (shown, loaded), (0, []), f"kefu elements a non-kefu helpdesk user gets: {found}"
        )

    def test_kefu_agent_views_show_the_kefu_fields(self):
        found, loaded = kefu_elements(self.env["helpdesk.ticket"].with_user(self.agent))
        for field_name in (
            "kefu_enquiry_type_id",
            "kefu_response_deadline",
            "kefu_complaint_state",
            "kefu_first_responder_id",
            "kefu_lead_amount",
        ):
            self.assertIn(field_name, found["form"])
            self.assertIn(field_name, loaded)
        self.assertIn("action_kefu_accept_complaint", found["form"])
        self.assertIn("kefu_first_responder_id", found["list"])
        self.assertIn("kefu_response_deadline", found["kanban"])
        self.assertIn("kefu_breached", found["search"])

    def test_host_user_reads_no_kefu_field_by_rpc(self):
        tickets = self.env["helpdesk.ticket"].with_user(self.host)
        ticket = self.ticket.with_user(self.host)
        self.assertFalse("kefu_enquiry_type_id" in tickets.fields_get(attributes=["type"]))
        with self.assertRaises(AccessError):
            ticket.read(["kefu_enquiry_type_id"])
        with self.assertRaises(AccessError):
            ticket.web_read({"kefu_response_deadline": {}})
        with self.assertRaises(AccessError):
            tickets.search([("kefu_is_complaint", "=", True)])
        with self.assertRaises(AccessError):
            ticket.write({"kefu_contact_number": "13900000000"})
        # What OCA gives him is unchanged.
        [values] = ticket.read(["name", "stage_id", "user_id", "channel_id"])
        self.assertEqual(values["name"], "Invoice copy")

    def test_kefu_agent_reads_the_kefu_fields(self):
        ticket = self.ticket.with_user(self.agent)
        [values] = ticket.read(["kefu_enquiry_type_id", "kefu_response_deadline"])
        self.assertEqual(values["kefu_enquiry_type_id"][0], self.type_delivery.id)
        self.assertTrue(values["kefu_response_deadline"])

    def test_host_user_creates_opens_assigns_answers_and_closes(self):
        Ticket = self.env["helpdesk.ticket"].with_user(self.host)
        with Form(Ticket) as form:
            form.name = "Delivery note missing"
            form.description = "<p>Please send the delivery note again.</p>"
            form.partner_id = self.customer
            form.team_id = self.team
        ticket = form.record
        self.assertEqual(ticket.sudo().kefu_first_responder_id, self.host)
        self.assertTrue(ticket.sudo().kefu_contact_date)
        with Form(ticket) as form:
            form.name = "Delivery note missing (order 12)"
        ticket.invalidate_recordset()
        ticket.write({"user_id": self.host.id})
        ticket.invalidate_recordset()
        ticket.write({"channel_id": self.channel_email.id})
        ticket.invalidate_recordset()
        ticket.message_post(  # pylint: disable=translation-required
            body="We sent it again.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.customer.ids,
        )
        self.assertTrue(ticket.sudo().kefu_first_reply_date, "the reply still stops the clock")
        ticket.invalidate_recordset()
        copy = ticket.copy()
        self.assertEqual(copy.sudo().kefu_contact_number, ticket.sudo().kefu_contact_number)
        ticket.invalidate_recordset()
        ticket.write({"stage_id": self.done.id})
        self.assertTrue(ticket.closed)

    def test_host_user_cannot_close_an_open_complaint_either(self):
        # CMP-5 holds for everyone: no closing before the callback.
        with self.assertRaises(UserError):
            self.complaint.with_user(self.host).write({"stage_id": self.done.id})


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestTicketFieldsHostUsersHttp(HttpCase):
    """The same through the web client's JSON-RPC and helpdesk_mgmt's portal form."""

    def setUp(self):
        super().setUp()
        self.host = new_test_user(self.env, "t_host_desk", groups=HOST_GROUPS)
        self.portal = new_test_user(self.env, "t_host_portal", groups="base.group_portal")

    def call_kw(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_host_user_creates_reads_and_saves_over_json_rpc(self):
        self.authenticate("t_host_desk", "t_host_desk")
        spec = {"name": {}, "stage_id": {"fields": {"display_name": {}}}, "user_id": {}}
        [created] = self.call_kw(
            "helpdesk.ticket",
            "web_save",
            [[], {"name": "Host RPC ticket", "description": "<p>Asked by phone.</p>"}],
            {"specification": spec},
        )
        ticket_id = created["id"]
        [values] = self.call_kw(
            "helpdesk.ticket", "web_read", [[ticket_id]], {"specification": spec}
        )
        self.assertEqual(values["name"], "Host RPC ticket")
        [saved] = self.call_kw(
            "helpdesk.ticket",
            "web_save",
            [[ticket_id], {"name": "Host RPC ticket (edited)", "user_id": self.host.id}],
            {"specification": spec},
        )
        self.assertEqual(saved["name"], "Host RPC ticket (edited)")
        with self.assertRaises(JsonRpcException):
            self.call_kw(
                "helpdesk.ticket",
                "web_read",
                [[ticket_id]],
                {"specification": {"kefu_enquiry_type_id": {}}},
            )
        # kefu's bookkeeping ran underneath.
        ticket = self.env["helpdesk.ticket"].browse(ticket_id)
        self.assertTrue(ticket.kefu_contact_date)
        self.assertEqual(ticket.kefu_first_responder_id, self.host)

    def test_portal_user_submits_a_ticket(self):
        self.authenticate("t_host_portal", "t_host_portal")
        response = self.url_open(
            "/submitted/ticket",
            data={
                "subject": "Portal ticket",
                "description": "The parts arrived broken.",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "Portal ticket")])
        self.assertEqual(ticket.partner_id, self.portal.partner_id)
        self.assertTrue(ticket.kefu_contact_date)
        self.assertFalse(ticket.kefu_first_responder_id)
        self.assertTrue(re.search(rf"/my/ticket/{ticket.id}\b", response.url))

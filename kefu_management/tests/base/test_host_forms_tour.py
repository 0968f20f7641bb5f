from odoo.tests import HttpCase, new_test_user, tagged

from .test_host_forms import ENTITLED
from .test_host_forms import HOST_USERS


@tagged("post_install", "-at_install", "kefu", "kefu_base", "kefu_tour")
class TestHostFormsTour(HttpCase):
    """Issue 13: in the browser, each internal user type opens the contact, company,
    sale order and ticket forms Odoo and OCA entitle him to, with kefu installed;
    the portal user opens his ticket on the portal."""

    def setUp(self):
        super().setUp()
        self.users = {
            login: new_test_user(self.env, login, groups=groups)
            for login, groups in HOST_USERS.items()
        }
        portal = self.users["t_host_portal"]
        company = self.env["res.partner"].create(
            {"name": "宿主公司", "is_company": True, "email": "host@example.com"}
        )
        portal.partner_id.parent_id = company
        self.records = {
            "contact": self.env["res.partner"].create(
                {"name": "宿主联系人", "parent_id": company.id}
            ),
            "company": company,
            "order": self.env["sale.order"].create(
                {
                    "partner_id": portal.partner_id.id,
                    "user_id": self.users["t_host_sales"].id,
                    "state": "sent",
                }
            ),
            "ticket": self.env["helpdesk.ticket"].create(
                {
                    "name": "Host ticket",
                    "description": "A matter outside the customer-service department",
                    "partner_id": portal.partner_id.id,
                    "user_id": self.users["t_host_helpdesk"].id,
                }
            ),
        }

    def test_internal_users_open_the_forms_in_the_browser(self):
        opened = 0
        for login, kinds in ENTITLED.items():
            if login == "t_host_portal":
                continue
            for kind in kinds:
                record = self.records[kind]
                self.start_tour(
                    f"/odoo/{record._name}/{record.id}", "kefu_host_form_tour", login=login
                )
                opened += 1
        self.assertEqual(opened, 13)

    def test_portal_user_opens_his_ticket_on_the_portal(self):
        ticket = self.records["ticket"]
        self.start_tour(f"/my/ticket/{ticket.id}", "kefu_host_portal_tour", login="t_host_portal")

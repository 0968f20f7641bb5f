from lxml import etree

from odoo.tests import Form, HttpCase, new_test_user, tagged

from ..base.test_host_forms import form_spec
from ..common import KefuRpcMixin
from .common import KefuArchiveCase

VIEW_TYPES = ("form", "list", "search")


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestPartnerFormHostUsers(KefuRpcMixin, HttpCase, KefuArchiveCase):
    """Host first: the archive button and the callback page, button and fields
    kefu_management adds to the contact form are shown to kefu's roles and to the
    borrowers of an archive only; a plain employee and a contact manager open,
    create, edit and duplicate contacts as without kefu."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner_manager = new_test_user(
            cls.env, "t_host_partner_manager", groups="base.group_user,base.group_partner_manager"
        )
        cls.store = cls.env["res.partner"].create({"name": "Hangzhou Store", "is_company": True})
        # A key customer with a Secret archive, a responsible store and an anniversary.
        cls.customer = cls.archives["secret"].partner_id
        cls.customer.write(
            {
                "kefu_key_customer": True,
                "kefu_store_id": cls.store.id,
                "kefu_anniversary_date": "2020-05-18",
            }
        )
        # The field names kefu_management adds to res.partner, and its buttons.
        fields = cls.env["ir.model.fields"].search(
            [("model", "=", "res.partner"), ("name", "=like", "kefu_%")]
        )
        cls.kefu_names = {f.name for f in fields if "kefu_management" in f.modules.split(", ")}
        cls.kefu_names |= {"action_open_kefu_archive", "action_open_kefu_callbacks"}
        cls.kefu_names |= {"kefu_callback"}  # the Callbacks page

    def kefu_elements(self, arch):
        """kefu_management's elements in an arch (also fields used in a domain)."""
        found = [
            f"{node.tag} {node.get('name')}"
            for node in etree.fromstring(arch).iter()
            if node.get("name") in self.kefu_names
        ]
        found += [
            f"filter {node.get('name')}"
            for node in etree.fromstring(arch).iter("filter")
            if any(name in (node.get("domain") or "") for name in self.kefu_names)
        ]
        return found

    def open_contact(self, login, partner):
        """get_views then web_read with the form's specification, as the web client."""
        views, error = self.rpc(
            login, "res.partner", "get_views", [[False, t] for t in VIEW_TYPES], context={}
        )
        self.assertFalse(error, error)
        arch = views["views"]["form"]["arch"]
        spec = form_spec(etree.fromstring(arch), views["models"]["res.partner"]["fields"])
        values, error = self.rpc(login, "res.partner", "web_read", [partner.id], spec)
        self.assertFalse(error, error)
        return views, values[0]

    def shown_to(self, user):
        shown = []
        views, values = self.open_contact(user.login, self.customer)
        self.assertEqual(values["name"], self.customer.name)
        for view_type in VIEW_TYPES:
            arch = views["views"][view_type]["arch"]
            shown += [f"{view_type} {e}" for e in self.kefu_elements(arch)]
        shown += [
            f"field {f}" for f in views["models"]["res.partner"]["fields"] if f in self.kefu_names
        ]
        shown += [f"value {f}" for f in values if f in self.kefu_names]
        # The same through the ORM.
        partner = self.customer.with_user(user)
        arch = partner.get_views([(False, "form")])["views"]["form"]["arch"]
        shown += [f"orm form {e}" for e in self.kefu_elements(arch)]
        return shown

    def test_plain_users_see_no_kefu_element_on_the_contact_form(self):
        shown = {
            f"{user.login} {element}"
            for user in (self.employee, self.partner_manager)
            for element in self.shown_to(user)
        }
        self.assertFalse(shown, f"{len(shown)} kefu elements shown:\n" + "\n".join(sorted(shown)))

    def test_plain_users_cannot_read_kefu_fields_over_rpc(self):
        names = (
            "kefu_secrecy_level",
            "kefu_archive_count",
            "kefu_key_customer",
            "kefu_store_id",
            "kefu_anniversary_date",
            "kefu_callback_count",
        )
        for user in (self.employee, self.partner_manager):
            for name in names:
                self.assertRpcRefused(user.login, "res.partner", "read", self.customer.ids, [name])
            self.assertRpcRefused(
                user.login,
                "res.partner",
                "search_read",
                [("kefu_key_customer", "=", True)],
                ["name"],
            )
            self.assertRpcRefused(user.login, "res.users", "read", self.agent.ids, ["kefu_ability"])
            # Nor even described to them.
            described, error = self.rpc(
                user.login, "res.partner", "fields_get", attributes=["type"]
            )
            self.assertFalse(error, error)
            self.assertFalse(self.kefu_names & set(described))

    def test_partner_manager_creates_edits_and_duplicates_contacts(self):
        user = self.partner_manager
        with Form(self.env["res.partner"].with_user(user)) as form:
            form.name = "Suzhou Textile Co."
            form.company_type = "company"
            form.phone = "+86 512 0000 0000"
        self.assertEqual(form.record.phone, "+86 512 0000 0000")
        with Form(self.customer.with_user(user)) as form:
            form.phone = "+86 571 1111 1111"
        self.assertEqual(self.customer.phone, "+86 571 1111 1111")
        # kefu's callback data stays as kefu set it, and is copied as for an agent.
        self.assertTrue(self.customer.kefu_key_customer)
        copy = self.customer.with_user(user).copy()
        self.assertTrue(copy.kefu_key_customer)
        self.assertEqual(copy.kefu_store_id, self.store)
        # Through JSON-RPC, as the web client saves and duplicates.
        self.assertContactSavedOverRpc(user.login, self.customer, "secret@example.com")
        result, error = self.rpc(user.login, "res.partner", "copy", self.customer.ids)
        self.assertFalse(error, error)
        self.assertTrue(self.env["res.partner"].browse(result).kefu_key_customer)

    def test_employee_opens_contacts_as_without_kefu(self):
        # A plain employee reads contacts (Odoo gives him no more): every field of
        # the form is readable, none of kefu's is there.
        views, values = self.open_contact(self.employee.login, self.customer)
        self.assertEqual(values["id"], self.customer.id)
        self.assertFalse(self.kefu_names & set(values))

    def test_agent_sees_the_kefu_elements(self):
        views, values = self.open_contact(self.agent.login, self.customer)
        form = etree.fromstring(views["views"]["form"]["arch"])
        self.assertTrue(form.xpath("//button[@name='action_open_kefu_archive']"))
        self.assertTrue(form.xpath("//button[@name='action_open_kefu_callbacks']"))
        self.assertTrue(form.xpath("//page[@name='kefu_callback']"))
        self.assertEqual(values["kefu_archive_count"], 1)
        self.assertEqual(values["kefu_secrecy_level"], "Secret")
        self.assertTrue(values["kefu_key_customer"])
        self.assertEqual(values["kefu_store_id"]["id"], self.store.id)

    def test_borrower_reaches_the_borrowed_archive_through_the_contact(self):
        borrower = self.sales_manager  # a manager outside customer service
        self.assertFalse(borrower.has_group("kefu_management.group_kefu_agent"))
        top = self.archives["top_secret"]
        views, values = self.open_contact(borrower.login, top.partner_id)
        form = etree.fromstring(views["views"]["form"]["arch"])
        self.assertTrue(form.xpath("//button[@name='action_open_kefu_archive']"))
        self.assertEqual(values["kefu_archive_count"], 0)  # the button is hidden
        # Callback data stays kefu's.
        self.assertFalse(form.xpath("//page[@name='kefu_callback']"))
        self.assertNotIn("kefu_key_customer", values)
        self.grant_card(top, borrower=borrower)
        views, values = self.open_contact(borrower.login, top.partner_id)
        self.assertEqual(values["kefu_archive_count"], 1)
        self.assertEqual(values["kefu_secrecy_level"], "Top secret")
        action, error = self.rpc(
            borrower.login, "res.partner", "action_open_kefu_archive", top.partner_id.ids
        )
        self.assertFalse(error, error)
        self.assertEqual(action["res_id"], top.id)
        archive, error = self.rpc(borrower.login, "kefu.archive", "read", top.ids, ["partner_id"])
        self.assertFalse(error, error)
        self.assertEqual(archive[0]["partner_id"][0], top.partner_id.id)

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import Form, HttpCase, tagged

from odoo.addons.kefu_management.tests.base.test_host_forms import form_spec

from .common import KefuCreditCase
from .common import KefuCreditRpcMixin

# What kefu_credit adds to a core form: its fields, pages, buttons and filters
# (named kefu_credit* or kefu_overlimit*) and its suspension banners.
KEFU_ELEMENTS = (
    "//*[starts-with(@name, 'kefu_credit') or starts-with(@name, 'kefu_overlimit')"
    " or starts-with(@name, 'action_kefu')]"
    " | //div[contains(@class, 'alert')][contains(., 'suspended')]"
    " | //filter[contains(@domain, 'kefu_credit') or contains(@context, 'kefu_credit')]"
)


def kefu_elements(arch):
    return [
        f"{node.tag} {node.get('name') or ' '.join(node.itertext()).strip()[:40]}"
        for node in etree.fromstring(arch).xpath(KEFU_ELEMENTS)
    ]


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestCoreFormsHostUsers(KefuCreditRpcMixin, HttpCase):
    """Host first: the credit page, tier badge, suspension banners and filters
    kefu_credit adds to the contact, order, lead and delivery forms are shown to
    the roles that deal with credit only; an employee of another department opens
    and edits contacts as he does without kefu."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, lang="en_US"))
        cls.company = cls.env.company
        cls.salesman = cls.make_user("t_core_sales", "sales_team.group_sale_salesman")
        cls.controller = cls.make_user("t_core_credit", "kefu_credit.group_kefu_credit_control")
        cls.marketing = cls.make_user(
            "t_core_marketing", "kefu_credit.group_kefu_marketing_manager"
        )
        cls.employee = cls.make_user("t_core_employee", "base.group_user")
        cls.partner_manager = cls.make_user(
            "t_core_partner_manager", "base.group_user,base.group_partner_manager"
        )
        cls.warehouse = cls.make_user("t_core_stock", "stock.group_stock_user")
        cls.customer = cls.env["res.partner"].create(
            {"name": "Hangzhou Steel Trading Co.", "is_company": True, "user_id": cls.salesman.id}
        )
        cls.set_tier(cls.customer, "B")
        suspend = cls.env.ref("kefu_credit.kefu_credit_measure_suspend")
        report = (
            cls.env["kefu.credit.emergency.report"]
            .with_user(cls.employee)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "superior_id": cls.marketing.id,
                    "description": "The customer's main plant was sealed by the court.",
                }
            )
        )
        report.with_user(cls.marketing).write({"measure_ids": [(6, 0, suspend.ids)]})
        report.with_user(cls.marketing).action_decide()
        cls.free_customer = cls.env["res.partner"].create(
            {"name": "Ningbo Port Supplies", "is_company": True}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Steel coil", "type": "consu", "list_price": 100.0, "invoice_policy": "order"}
        )

    # KefuCreditCase's helpers (a TransactionCase; this is an HttpCase).
    make_user = classmethod(KefuCreditCase.make_user.__func__)
    set_tier = classmethod(KefuCreditCase.set_tier.__func__)
    make_order = classmethod(KefuCreditCase.make_order.__func__)

    def open_form_rpc(self, login, record, view_type="form"):
        """get_views then web_read with the form's specification, as the web client."""
        views, error = self.rpc(
            login, record._name, "get_views", [[False, view_type], [False, "search"]]
        )
        self.assertFalse(error, error)
        arch = views["views"][view_type]["arch"]
        spec = form_spec(etree.fromstring(arch), views["models"][record._name]["fields"])
        values, error = self.rpc(login, record._name, "web_read", [record.id], spec)
        self.assertFalse(error, error)
        return views, values[0]

    def make_delivery(self, partner):
        picking_type = self.env["stock.picking.type"].search(
            [("code", "=", "outgoing"), ("company_id", "=", self.company.id)], limit=1
        )
        customers = self.env.ref("stock.stock_location_customers")
        picking = self.env["stock.picking"].create(
            {
                "partner_id": partner.id,
                "picking_type_id": picking_type.id,
                "location_id": picking_type.default_location_src_id.id,
                "location_dest_id": customers.id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Steel",
                            "product_id": self.product.id,
                            "product_uom_qty": 1,
                            "product_uom": self.product.uom_id.id,
                            "location_id": picking_type.default_location_src_id.id,
                            "location_dest_id": customers.id,
                        },
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.move_ids.write({"quantity": 1, "picked": True})
        return picking

    def test_plain_users_see_no_credit_element_on_the_contact_form(self):
        shown = {}
        for user in (self.employee, self.partner_manager, self.warehouse):
            views, values = self.open_form_rpc(user.login, self.customer)
            for view_type in ("form", "search"):
                arch = views["views"][view_type]["arch"]
                shown.update({f"{user.login} {view_type} {e}": 1 for e in kefu_elements(arch)})
            fields = views["models"]["res.partner"]["fields"]
            shown.update({f"{user.login} field {f}": 1 for f in fields if "kefu_credit" in f})
            shown.update({f"{user.login} value {f}": 1 for f in values if "kefu_credit" in f})
            self.assertEqual(values["name"], self.customer.name)
            # The same through the ORM.
            arch = self.customer.with_user(user).get_views([(False, "form")])["views"]["form"][
                "arch"
            ]
            self.assertFalse(kefu_elements(arch), user.login)
        self.assertFalse(shown, "\n".join(sorted(shown)))

    def test_plain_users_cannot_read_credit_fields_over_rpc(self):
        for name in ("kefu_credit_tier", "kefu_credit_suspended", "kefu_credit_limit_amount"):
            self.assertRpcRefused(
                self.employee.login, "res.partner", "read", [self.customer.id], [name]
            )
        self.assertRpcRefused(
            self.employee.login,
            "res.partner",
            "search_read",
            [("kefu_credit_suspended", "=", True)],
            ["name"],
        )
        # kefu's credit fields are not even described to him.
        described, error = self.rpc(
            self.employee.login, "res.partner", "fields_get", attributes=["type"]
        )
        self.assertFalse(error, error)
        self.assertFalse([f for f in described if f.startswith("kefu_credit")])

    def test_partner_manager_creates_edits_and_duplicates_contacts(self):
        user = self.partner_manager
        with Form(self.env["res.partner"].with_user(user)) as form:
            form.name = "Suzhou Textile Co."
            form.company_type = "company"
            form.phone = "+86 512 0000 0000"
        created = form.record
        self.assertEqual(created.phone, "+86 512 0000 0000")
        with Form(self.customer.with_user(user)) as form:
            form.phone = "+86 571 1111 1111"
        self.assertEqual(self.customer.phone, "+86 571 1111 1111")
        # The credit tier stays as the credit group set it.
        self.assertEqual(self.customer.kefu_credit_tier, "B")
        copy = self.customer.with_user(user).copy()
        self.assertFalse(copy.kefu_credit_tier)
        # Through JSON-RPC, as the web client saves.
        self.assertContactSavedOverRpc(user.login, self.customer, "steel@example.com")

    def test_salesman_sees_the_credit_page_and_the_suspension_banner(self):
        views, values = self.open_form_rpc(self.salesman.login, self.customer)
        arch = etree.fromstring(views["views"]["form"]["arch"])
        self.assertTrue(arch.xpath("//page[@name='kefu_credit']"))
        self.assertTrue(arch.xpath("//div[contains(@class, 'alert')][contains(., 'suspended')]"))
        self.assertTrue(values["kefu_credit_suspended"])
        self.assertEqual(values["kefu_credit_tier"], "B")
        search = etree.fromstring(views["views"]["search"]["arch"])
        self.assertTrue(search.xpath("//filter[@name='kefu_credit_suspended']"))
        order = self.make_order(self.customer, 10.0)
        views, values = self.open_form_rpc(self.salesman.login, order)
        arch = etree.fromstring(views["views"]["form"]["arch"])
        self.assertTrue(arch.xpath("//div[contains(@class, 'alert')][contains(., 'suspended')]"))
        self.assertTrue(values["kefu_credit_suspended"])

    def test_warehouse_user_sees_the_delivery_banner(self):
        delivery = self.make_delivery(self.customer)
        views, values = self.open_form_rpc(self.warehouse.login, delivery)
        arch = etree.fromstring(views["views"]["form"]["arch"])
        self.assertTrue(arch.xpath("//div[contains(@class, 'alert')][contains(., 'suspended')]"))
        self.assertTrue(values["kefu_credit_suspended"])

    def test_suspension_still_enforced_for_the_roles_concerned(self):
        order = self.make_order(self.customer, 10.0)
        with self.assertRaisesRegex(UserError, "suspended"):
            order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "draft")
        delivery = self.make_delivery(self.customer)
        with self.assertRaisesRegex(UserError, "suspended"):
            delivery.with_user(self.warehouse).button_validate()
        self.assertNotEqual(delivery.state, "done")
        # Customers outside kefu's credit control: as without kefu.
        free_order = self.make_order(self.free_customer, 10.0)
        free_order.with_user(self.salesman).action_confirm()
        self.assertEqual(free_order.state, "sale")
        free_delivery = self.make_delivery(self.free_customer)
        free_delivery.with_user(self.warehouse).button_validate()
        self.assertEqual(free_delivery.state, "done")

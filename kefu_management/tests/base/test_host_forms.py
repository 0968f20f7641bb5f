from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

# Host first: the users of a company that runs Contacts, Sales, Inventory,
# Invoicing and helpdesk without being in the customer-service department.
HOST_USERS = {
    "t_host_employee": "base.group_user",
    "t_host_stock": "stock.group_stock_user",
    "t_host_invoice": "account.group_account_invoice",
    "t_host_sales": "sales_team.group_sale_salesman",
    "t_host_helpdesk": "helpdesk_mgmt.group_helpdesk_user",
    "t_host_portal": "base.group_portal",
}
# What each of them may open with Odoo's and OCA's own rights.
ENTITLED = {
    "t_host_employee": ("contact", "company"),
    "t_host_stock": ("contact", "company"),
    "t_host_invoice": ("contact", "company", "order"),
    "t_host_sales": ("contact", "company", "order"),
    "t_host_helpdesk": ("contact", "company", "ticket"),
    # Odoo's own backend order form reads pricelists, which portal may not read
    # (with or without kefu): portal users see their orders on /my/orders.
    "t_host_portal": ("ticket",),
}


def form_spec(node, fields_info, level=1):
    """The web_read specification the web client builds from a form arch:
    every field of this level; many2one with its display name, x2many with
    the fields of its inline list (or kanban)."""
    spec = {}
    depth = node.xpath("count(ancestor-or-self::field)")
    for field_node in node.xpath(f".//field[count(ancestor::field) = {depth}]"):
        name = field_node.get("name")
        info = fields_info.get(name, {})
        if info.get("type") == "many2one":
            spec[name] = {"fields": {"display_name": {}}}
        elif info.get("type") in ("one2many", "many2many"):
            sub = field_node.find("list")
            if sub is None:
                sub = field_node.find("kanban")
            if sub is not None and level:
                spec[name] = {"fields": form_spec(sub, {}, level - 1) or {}, "limit": 40}
            else:
                spec[name] = {"fields": {"display_name": {}}}
        else:
            spec[name] = {}
    return spec


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestHostForms(TransactionCase):
    """Every internal user type (and portal) opens the core and OCA forms kefu
    extends, as the web client does: get_views, then web_read with the form's
    field specification."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.users = {
            login: new_test_user(cls.env, login, groups=groups)
            for login, groups in HOST_USERS.items()
        }
        portal = cls.users["t_host_portal"]
        cls.company_partner = cls.env["res.partner"].create(
            {"name": "宿主公司", "is_company": True, "email": "host@example.com"}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "宿主联系人", "parent_id": cls.company_partner.id}
        )
        portal.partner_id.parent_id = cls.company_partner
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": portal.partner_id.id,
                "user_id": cls.users["t_host_sales"].id,
                "state": "sent",
            }
        )
        cls.order.message_subscribe(partner_ids=portal.partner_id.ids)
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "Host ticket",
                "description": "A matter outside the customer-service department",
                "partner_id": portal.partner_id.id,
                "user_id": cls.users["t_host_helpdesk"].id,
            }
        )
        cls.records = {
            "contact": cls.contact,
            "company": cls.company_partner,
            "order": cls.order,
            "ticket": cls.ticket,
        }

    def open_form(self, user, record):
        record = record.with_user(user)
        views = record.get_views([(False, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        fields_info = views["models"][record._name]["fields"]
        spec = form_spec(arch, fields_info)
        # A request starts with an empty cache (create left the x2many cached empty).
        self.env.invalidate_all()
        [values] = record.web_read(spec)
        return values

    def test_every_user_opens_the_forms_they_are_entitled_to(self):
        # Every refusal at once (subTest failures are not reported by pytest-odoo).
        refused = []
        for login, kinds in ENTITLED.items():
            user = self.users[login]
            for kind in kinds:
                record = self.records[kind]
                # Entitled by Odoo's and OCA's own rights, not by kefu.
                record.with_user(user).check_access("read")
                try:
                    with self.env.cr.savepoint():
                        values = self.open_form(user, record)
                except AccessError as error:
                    refused.append(f"{login} {kind}: {error.args[0].splitlines()[0]}")
                    continue
                self.assertEqual(values["id"], record.id)
        self.assertFalse(refused, "\n".join(refused))

    def test_kefu_fields_hidden_from_non_kefu_users(self):
        employee = self.users["t_host_employee"]
        arch = self.contact.with_user(employee).get_views([(False, "form")])["views"]["form"][
            "arch"
        ]
        self.assertNotIn("kefu_credit_investigation_ids", arch)
        self.assertNotIn("kefu_credit_overlimit_approval_ids", arch)
        helpdesk = self.users["t_host_helpdesk"]
        arch = self.ticket.with_user(helpdesk).get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn("kefu_contact_ids", arch)
        self.assertNotIn("kefu_callback_count", arch)

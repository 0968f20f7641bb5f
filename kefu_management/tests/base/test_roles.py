"""Issue 18, point 4: 客服部 roles are given on the user form without debug mode,
one selection per ladder (like Odoo's own apps), and a new user gets no kefu right
unless he is given one."""

from lxml import etree

from odoo.tests import new_test_user, tagged

from odoo.addons.base.models.res_users import name_selection_groups

from ..common import KefuCase

ROLES = (
    "kefu_management.group_kefu_agent",
    "kefu_management.group_kefu_team_leader",
    "kefu_management.group_kefu_manager",
    "kefu_management.group_kefu_general_manager",
)
CLEARANCES = (
    "kefu_management.group_kefu_clearance_secret",
    "kefu_management.group_kefu_clearance_confidential",
    "kefu_management.group_kefu_clearance_top_secret",
)


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestRoles(KefuCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Access Rights, no Technical Features: the user form outside debug mode.
        cls.admin_nodebug = new_test_user(
            cls.env, "t_rights_admin", groups="base.group_user,base.group_erp_manager"
        )

    def kefu_groups(self):
        category = self.env.ref("kefu_management.module_category_kefu")
        return self.env["res.groups"].search([("category_id", "child_of", category.id)])

    def test_a_new_user_has_no_kefu_right(self):
        user = self.env["res.users"].create({"name": "New Colleague", "login": "t_new_colleague"})
        self.assertTrue(user.has_group("base.group_user"))
        self.assertFalse(user.groups_id & self.kefu_groups(), "kefu rights given by default")
        self.assertFalse(user.has_group("kefu_management.group_kefu_archive_borrower"))
        # Sales and Finance managers get no kefu right from their app role either.
        sales_manager = new_test_user(
            self.env, "t_plain_sales_manager", groups="sales_team.group_sale_manager"
        )
        self.assertFalse(sales_manager.groups_id & self.kefu_groups())

    def test_user_form_has_one_selection_per_ladder_without_debug(self):
        for ladder, label, zh_label in (
            (ROLES, "Role", "角色"),
            (CLEARANCES, "Secrecy Clearance", "保密资格"),
        ):
            groups = self.env["res.groups"].browse([self.env.ref(x).id for x in ladder])
            field = name_selection_groups(groups.ids)
            for lang, expected in (("en_US", label), ("zh_CN", zh_label)):
                Users = self.env["res.users"].with_user(self.admin_nodebug).with_context(lang=lang)
                # The form of Settings > Users (base.action_res_users).
                result = Users.get_views([(self.env.ref("base.view_users_form").id, "form")])
                arch = etree.fromstring(result["views"]["form"]["arch"])
                nodes = arch.xpath(f"//field[@name='{field}']")
                self.assertTrue(nodes, f"{label} not on the user form")
                # Visible: not only the hidden copy Odoo keeps for create.
                self.assertTrue([n for n in nodes if n.get("invisible") != "True"])
                section = nodes[0].getparent()
                self.assertEqual(section.tag, "group")
                if lang == "en_US":
                    self.assertEqual(section.get("string"), "Customer Service")
                description = result["models"]["res.users"]["fields"][field]
                self.assertEqual(description["type"], "selection")
                self.assertEqual(description["string"], expected)
                # No role, then the ladder's rungs, lowest first.
                values = [v for v, _label in description["selection"]]
                self.assertEqual(values, [False, *groups.ids])
        # A role set through the selection gives the group and those below it.
        user = new_test_user(self.env, "t_role_by_form", groups="base.group_user")
        role_field = name_selection_groups([self.env.ref(x).id for x in ROLES])
        user.with_user(self.admin_nodebug).write(
            {role_field: self.env.ref("kefu_management.group_kefu_team_leader").id}
        )
        self.assertTrue(user.has_group("kefu_management.group_kefu_agent"))
        self.assertFalse(user.has_group("kefu_management.group_kefu_manager"))

    def test_demo_staff_are_granted_borrowing_and_credit_explicitly(self):
        sales_manager = self.env.ref("kefu_management.kefu_user_sales_manager_demo")
        self.assertTrue(sales_manager.has_group("kefu_management.group_kefu_archive_borrower"))

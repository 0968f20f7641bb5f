from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..common import KefuCase


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestGroups(KefuCase):
    def test_ladder_each_role_implies_the_ones_below(self):
        def has(user, xmlid):
            return user.has_group(f"kefu_management.{xmlid}")

        self.assertTrue(has(self.agent, "group_kefu_agent"))
        self.assertFalse(has(self.agent, "group_kefu_team_leader"))
        self.assertTrue(has(self.leader, "group_kefu_agent"))
        self.assertFalse(has(self.leader, "group_kefu_manager"))
        self.assertTrue(has(self.manager, "group_kefu_team_leader"))
        self.assertTrue(has(self.manager, "group_kefu_agent"))
        self.assertFalse(has(self.manager, "group_kefu_general_manager"))
        self.assertFalse(has(self.manager, "group_kefu_info_supervisor"))
        self.assertTrue(has(self.supervisor, "group_kefu_agent"))
        self.assertFalse(has(self.supervisor, "group_kefu_manager"))
        for xmlid in (
            "group_kefu_manager",
            "group_kefu_info_supervisor",
            "group_kefu_team_leader",
            "group_kefu_agent",
        ):
            self.assertTrue(has(self.general_manager, xmlid), xmlid)
        self.assertFalse(has(self.employee, "group_kefu_agent"))

    def test_groups_live_in_the_customer_service_category(self):
        category = self.env.ref("kefu_management.module_category_kefu")
        # Issue 18: in the section's categories, one per ladder (user form).
        groups = self.env["res.groups"].search([("category_id", "child_of", category.id)])
        self.assertGreaterEqual(len(groups), 10)
        self.assertFalse(groups.filtered(lambda g: g.category_id == category))

    def test_only_managers_maintain_make_up_days(self):
        makeup = self.add_makeup(self.env.cr.now().date().replace(year=2030, month=1, day=5))
        # Agents read the calendar the deadlines use, but cannot change it.
        self.assertEqual(makeup.with_user(self.agent).read(["name"])[0]["name"], "Make-up day")
        with self.assertRaises(AccessError):
            makeup.with_user(self.agent).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.env["kefu.makeup.day"].with_user(self.employee).search([])
        makeup.with_user(self.manager).write({"name": "Changed"})
        self.assertEqual(makeup.name, "Changed")

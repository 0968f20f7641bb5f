from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "kefu", "kefu_base", "kefu_tour")
class TestRolesTour(HttpCase):
    def test_roles_are_given_without_debug_mode(self):
        """Issue 18: the 客服部 roles on the user form, outside debug mode."""
        new_test_user(self.env, "tour_rights", groups="base.group_user,base.group_erp_manager")
        colleague = new_test_user(self.env, "tour_new_colleague", groups="base.group_user")
        self.start_tour(
            f"/odoo/action-base.action_res_users/{colleague.id}",
            "kefu_roles_tour",
            login="tour_rights",
        )
        self.assertTrue(colleague.has_group("kefu_management.group_kefu_team_leader"))
        self.assertTrue(colleague.has_group("kefu_management.group_kefu_agent"))
        self.assertFalse(colleague.has_group("kefu_management.group_kefu_manager"))

from odoo.tests import tagged, users

from .common import KefuHelpdeskCase


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestHelpdeskAccess(KefuHelpdeskCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket_a = cls.make_ticket(name="Team A matter")
        cls.ticket_b = cls.make_ticket(name="Team B matter", team_id=cls.team_b.id)
        cls.ours = cls.ticket_a | cls.ticket_b

    def visible(self):
        return self.env["helpdesk.ticket"].search([("id", "in", self.ours.ids)])

    def test_groups_imply_helpdesk_groups(self):
        self.assertTrue(self.agent.has_group("helpdesk_mgmt.group_helpdesk_user_team"))
        self.assertFalse(self.agent.has_group("helpdesk_mgmt.group_helpdesk_user"))
        self.assertTrue(self.manager.has_group("helpdesk_mgmt.group_helpdesk_manager"))

    @users("t_agent")
    def test_agent_sees_the_own_team(self):
        self.assertEqual(self.visible(), self.ticket_a)

    @users("t_leader_b")
    def test_team_leader_sees_the_teams_led(self):
        # Leader of team B without being one of its members.
        self.assertEqual(self.visible(), self.ticket_b)

    @users("t_manager")
    def test_cs_manager_sees_all(self):
        self.assertEqual(self.visible(), self.ours)

    @users("t_employee")
    def test_other_employees_see_nothing(self):
        self.assertFalse(self.visible())

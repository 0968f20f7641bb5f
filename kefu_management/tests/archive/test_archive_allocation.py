from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from ...wizards.archive.kefu_archive_allocation_wizard import propose_allocation
from .common import KefuArchiveCase


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestArchiveAllocationBalancesLoadAndAbility(KefuArchiveCase):
    """ARC-15: the allocation assistant balances the agents' customers against
    their ability, and allocates through the archive (first contact in a week)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.strong = new_test_user(
            cls.env, "t_strong_agent", groups="kefu_management.group_kefu_agent"
        )
        cls.junior = new_test_user(
            cls.env, "t_junior_agent", groups="kefu_management.group_kefu_agent"
        )
        cls.new_archives = cls.env["kefu.archive"]
        for index in range(5):
            partner = cls.env["res.partner"].create(
                {"name": f"Allocation Co. {index}", "is_company": True}
            )
            cls.new_archives |= cls.env["kefu.archive"].create({"partner_id": partner.id})

    def test_proposal_balances_load_per_ability(self):
        # Agent 1: ability 3, no customer; agent 2: ability 1; agent 3: ability 2, two.
        chosen = propose_allocation({1: 0, 2: 0, 3: 2}, {1: 3, 2: 1, 3: 2}, 8)
        self.assertEqual(chosen, [1, 1, 2, 1, 1, 3, 1, 2])

    @freeze_time("2026-11-23 02:00:00")  # Monday 10:00 in Shanghai
    def test_manager_adjusts_abilities_and_allocates(self):
        wizard = self.env["kefu.archive.allocation.wizard"].with_user(self.manager).create({})
        self.assertTrue(self.new_archives <= wizard.line_ids.archive_id)
        self.assertFalse(wizard.agent_line_ids.agent_id & self.manager)
        # The manager keeps two agents and these five customers, and rates the agents.
        wizard.agent_line_ids.filtered(
            lambda rec: rec.agent_id not in (self.strong | self.junior)
        ).unlink()
        wizard.line_ids.filtered(lambda rec: rec.archive_id not in self.new_archives).unlink()
        wizard.agent_line_ids.filtered(lambda rec: rec.agent_id == self.strong).ability = 4
        wizard.agent_line_ids.filtered(lambda rec: rec.agent_id == self.junior).ability = 1
        wizard.action_propose()
        counts = {line.agent_id: line.proposed_count for line in wizard.agent_line_ids}
        self.assertEqual(counts, {self.strong: 4, self.junior: 1})
        wizard.action_apply()
        self.assertEqual(self.new_archives.agent_id, self.strong | self.junior)
        self.assertEqual(len(self.new_archives.filtered(lambda a: a.agent_id == self.junior)), 1)
        self.assertEqual(self.strong.kefu_ability, 4)
        self.assertEqual(self.junior.kefu_ability, 1)
        # Through the archive's allocation: first contact within one working week.
        for archive in self.new_archives:
            self.assertEqual(archive.first_contact_due, self.local(2026, 11, 30, 10, 0))
            self.assertTrue(
                archive.activity_ids.filtered(lambda a, ag=archive.agent_id: a.user_id == ag)
            )

    def test_current_load_counts(self):
        self.new_archives[:2].write({"agent_id": self.junior.id})
        wizard = self.env["kefu.archive.allocation.wizard"].with_user(self.manager).create({})
        line = wizard.agent_line_ids.filtered(lambda rec: rec.agent_id == self.junior)
        self.assertEqual(line.load, 2)
        self.assertFalse(self.new_archives[:2] & wizard.line_ids.archive_id)

    def test_only_the_cs_manager_runs_it(self):
        for user in (self.agent, self.leader, self.supervisor, self.employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["kefu.archive.allocation.wizard"].with_user(user).create({})
        wizard = self.env["kefu.archive.allocation.wizard"].with_user(self.manager).create({})
        with self.assertRaises(AccessError):
            wizard.with_user(self.agent).action_apply()
        self.assertFalse(self.new_archives.agent_id)

    def test_ability_only_through_the_cs_manager(self):
        # Even a Settings administrator, who may edit users, is not the CS Manager.
        admin = new_test_user(self.env, "t_settings_admin", groups="base.group_system")
        for user in (self.strong, self.manager, self.leader, admin):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.strong.with_user(user).write({"kefu_ability": 5})
        for user in (self.leader, admin):
            with self.assertRaises(AccessError):
                self.strong.with_user(user)._kefu_set_ability(5)
        self.strong.invalidate_recordset()
        self.assertEqual(self.strong.kefu_ability, 3)
        self.strong.with_user(self.manager)._kefu_set_ability(5)
        self.assertEqual(self.strong.kefu_ability, 5)

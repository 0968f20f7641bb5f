from odoo.tests import tagged

from .common import KefuCallbackCase


@tagged("post_install", "-at_install", "kefu", "kefu_callback")
class TestCallbackFromArchive(KefuCallbackCase):
    """CBK-6: callbacks are picked from the customer archive: the archive's
    allocated agent calls back first; customers without an archive (or whose
    archive has no active agent) are shared among the callback team by load."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.archived_company = Partner.create(
            {"name": "Guangzhou Curtain Co.", "is_company": True, "tz": "Asia/Shanghai"}
        )
        cls.archived_contact = Partner.create(
            {"name": "Li Si", "parent_id": cls.archived_company.id, "tz": "Asia/Shanghai"}
        )
        # The archive's agent is not in the callback team: the archive still wins.
        cls.archive = cls.env["kefu.archive"].create(
            {"partner_id": cls.archived_company.id, "agent_id": cls.agent_b.id}
        )

    def install(self, partner, moment):
        source = self.Source.create(
            {
                "name": "Curtains",
                "partner_id": partner.id,
                "source_type": "installation",
                "done_date": moment,
            }
        )
        source.action_done()
        return source

    def test_callback_goes_to_archive_agent(self):
        self.frozen(self.local(2027, 6, 10, 10, 5))
        source = self.install(self.archived_company, self.local(2027, 6, 10, 10, 0))
        self.Planner._cron_kefu_callback_plan()
        self.assertEqual(source.callback_ids.user_id, self.agent_b)

    def test_contact_of_archived_company_goes_to_archive_agent(self):
        self.frozen(self.local(2027, 6, 10, 10, 5))
        source = self.install(self.archived_contact, self.local(2027, 6, 10, 10, 0))
        self.Planner._cron_kefu_callback_plan()
        self.assertEqual(source.callback_ids.user_id, self.agent_b)

    def test_customer_without_archive_shared_by_load(self):
        self.frozen(self.local(2027, 6, 10, 10, 5))
        first = self.install(self.customer, self.local(2027, 6, 10, 10, 0))
        second = self.install(self.customer_berlin, self.local(2027, 6, 10, 10, 0))
        self.Planner._cron_kefu_callback_plan()
        agents = first.callback_ids.user_id | second.callback_ids.user_id
        self.assertEqual(agents, self.team.user_ids, "one each, by load")

    def test_archive_without_active_agent_shared_by_load(self):
        self.frozen(self.local(2027, 6, 10, 10, 5))
        self.agent_b.active = False
        source = self.install(self.archived_company, self.local(2027, 6, 10, 10, 0))
        self.Planner._cron_kefu_callback_plan()
        self.assertIn(source.callback_ids.user_id, self.team.user_ids)

    def test_archive_callbacks_of_the_batch_count_in_the_load(self):
        # The archive gives two callbacks to the team's agent: the next customer
        # without an archive goes to the other agent of the team.
        self.frozen(self.local(2027, 6, 10, 10, 5))
        self.archive.sudo().agent_id = self.agent
        company_b = self.env["res.partner"].create({"name": "Shenzhen Co.", "is_company": True})
        self.env["kefu.archive"].create({"partner_id": company_b.id, "agent_id": self.agent.id})
        moment = self.local(2027, 6, 10, 10, 0)
        self.install(self.archived_company, moment)
        self.install(company_b, moment)
        other = self.install(self.customer, moment)  # planned last
        self.Planner._cron_kefu_callback_plan()
        self.assertEqual(other.callback_ids.user_id, self.leader)

    def test_archive_agent_counts_in_the_load(self):
        # Two archived customers of agent_b, then a customer without archive: the
        # team's load is unchanged by agent_b's callbacks (he is not in the team).
        self.frozen(self.local(2027, 6, 10, 10, 5))
        archived = self.install(self.archived_company, self.local(2027, 6, 10, 10, 0))
        other = self.install(self.customer, self.local(2027, 6, 10, 10, 0))
        self.Planner._cron_kefu_callback_plan()
        self.assertEqual(archived.callback_ids.user_id, self.agent_b)
        self.assertIn(other.callback_ids.user_id, self.team.user_ids)

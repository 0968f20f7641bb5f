"""Issue 17: the per-record query cost of the callback planner's scheduled jobs,
one test per step (``tests/common.py``'s ``CronBoundsMixin``)."""

from datetime import date, datetime, timedelta

from odoo.tests import tagged

from ..common import CronBoundsMixin
from .common import KefuCallbackCase


@tagged("post_install", "-at_install", "kefu", "kefu_callback")
class TestPlannerCronQueryBounds(CronBoundsMixin, KefuCallbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # As ir.cron runs it: tracking and the chatter on.
        cls.env = cls.env(context={})
        cls.Planner = cls.env["kefu.callback.planner"]
        cls.Callback = cls.env["kefu.callback"]
        cls.Source = cls.env["kefu.callback.source"]
        cls.made = 0

    def plan(self):
        """One run of the planning job; the number of records it handled."""
        return self.as_cron("kefu.callback.planner")._cron_kefu_callback_plan()[0]

    def follow_up(self):
        planner = self.as_cron("kefu.callback.planner", activities=True)
        return planner._cron_kefu_callback_follow_up()[0]

    def partners(self, count, **values):
        type(self).made += 1
        return self.env["res.partner"].create(
            [
                dict({"name": f"Bounds {self.made}-{i}", "tz": "Asia/Shanghai"}, **values)
                for i in range(count)
            ]
        )

    def sources(self, count, source_type, done_date):
        sources = self.Source.create(
            [
                {
                    "name": f"Bounds {i}",
                    "partner_id": partner.id,
                    "source_type": source_type,
                    "done_date": done_date,
                }
                for i, partner in enumerate(self.partners(count))
            ]
        )
        sources.action_done()
        return sources

    def test_after_service_step_costs_at_most_five_queries_per_source(self):
        def make(count):
            half = count // 2
            return self.sources(half, "delivery", self.NOW) | self.sources(
                count - half, "installation", self.NOW
            )

        def handled(sources):
            return all(
                source.callback_planned
                and len(source.callback_ids) == 1
                and source.callback_ids.callback_type == "service"
                # The agent follows the callback (as mail.thread's auto-subscription).
                and source.callback_ids.user_id.partner_id
                in source.callback_ids.message_partner_ids
                for source in sources
            )

        self.assertBounded(make, self.plan, handled)

    def test_project_step_costs_at_most_five_queries_per_project(self):
        # CBK-5: delivered two months ago, the first monthly callback is due.
        def make(count):
            return self.sources(count, "project", self.NOW - timedelta(days=40))

        def handled(sources):
            return all(
                len(source.callback_ids) == 1
                and source.callback_ids.callback_type == "project"
                and source.next_callback_date > date(2027, 3, 10)
                for source in sources
            )

        self.assertBounded(make, self.plan, handled)

    def test_complaint_step_costs_at_most_five_queries_per_complaint(self):
        def make(count):
            tickets = self.env["helpdesk.ticket"].browse(
                [
                    self.make_ticket(
                        user_id=self.agent.id,
                        partner_id=partner.id,
                        kefu_enquiry_type_id=self.type_complaint.id,
                    ).id
                    for partner in self.partners(count)
                ]
            )
            tickets.write(
                {
                    "kefu_complaint_state": "result_sent",
                    "kefu_resolved_date": self.NOW,
                    "kefu_complaint_result": "Rail replaced.",
                }
            )
            return tickets

        def handled(tickets):
            return all(
                ticket.kefu_callback_planned
                and len(ticket.kefu_callback_ids) == 1
                and ticket.kefu_callback_ids.user_id == self.agent
                for ticket in tickets
            )

        self.assertBounded(make, self.plan, handled)

    def test_special_day_step_costs_at_most_five_queries_per_special_day(self):
        # CBK-4: each special day calls its selected customer, the day before.
        def make(count):
            return self.env["kefu.callback.special"].create(
                [
                    {
                        "name": f"Greetings {i}",
                        "kind": "holiday",
                        "date": date(2027, 3, 11),
                        "target": "selected",
                        "partner_ids": [(6, 0, partner.ids)],
                    }
                    for i, partner in enumerate(self.partners(count))
                ]
            )

        def handled(specials):
            return all(
                special.planned
                and special.callback_ids.partner_id == special.partner_ids
                and len(special.callback_ids) == 1
                for special in specials
            )

        self.assertBounded(make, self.plan, handled)

    def test_special_day_costs_at_most_five_queries_per_customer_called(self):
        # CBK-4: one special day calling many customers.
        Special = self.env["kefu.callback.special"]

        def make(count):
            partners = self.partners(count)
            Special.create(
                {
                    "name": "Greetings",
                    "kind": "holiday",
                    "date": date(2027, 3, 11),
                    "target": "selected",
                    "partner_ids": [(6, 0, partners.ids)],
                }
            )
            return partners

        def handled(partners):
            return all(
                len(self.callbacks_of(partner)) == 1
                and self.callbacks_of(partner).special_id.planned
                for partner in partners
            )

        self.assertBounded(make, self.plan, handled)

    def test_anniversary_step_costs_at_most_five_queries_per_customer(self):
        self.env["kefu.callback.special"].create(
            {"name": "Customer anniversaries", "kind": "anniversary", "target": "key"}
        )

        def make(count):
            # Their anniversary is tomorrow (the lead is one day).
            return self.partners(
                count, kefu_key_customer=True, kefu_anniversary_date=date(2020, 3, 11)
            )

        def handled(partners):
            return all(
                len(self.callbacks_of(partner)) == 1
                and self.callbacks_of(partner).callback_type == "special"
                for partner in partners
            )

        self.assertBounded(make, self.plan, handled)

    def test_coverage_step_costs_at_most_five_queries_per_key_customer(self):
        # CBK-3: four days before the month ends, key customers never called back.
        at = datetime(2027, 3, 29, 4, 0)

        def make(count):
            return self.partners(count, kefu_key_customer=True)

        def handled(partners):
            return all(
                self.callbacks_of(partner).callback_type == "coverage"
                and len(self.callbacks_of(partner)) == 1
                for partner in partners
            )

        self.assertBounded(make, self.follow_up, handled, at=at)
        # The leader's one to-do has the count and the link, never a name.
        todo = self.env["mail.activity"].search(
            [("res_model", "=", "kefu.callback"), ("user_id", "=", self.leader.id)]
        )
        self.assertEqual(len(todo), 1)
        coverage = self.Callback.search_count([("callback_type", "=", "coverage")])
        self.assertIn(str(coverage), str(todo.note))
        self.assertIn("kefu_callback_action_coverage", str(todo.note))
        for partner in self.Callback.search([("callback_type", "=", "coverage")]).partner_id:
            self.assertNotIn(partner.name, str(todo.note))

    def test_feedback_step_costs_at_most_five_queries_per_callback(self):
        # CBK-2: the store feedback was due an hour before the run.
        todo = self.env.ref("mail.mail_activity_data_todo")

        def make(count):
            return self.Callback.create(
                [
                    {
                        "partner_id": partner.id,
                        "planned_date": self.NOW,
                        "rest_reason": "Test fixture.",
                        "user_id": (self.agent if i % 2 else self.agent_b).id,
                        "team_id": self.team.id,
                        "store_id": self.store.id,
                        "feedback_state": "to_send",
                        "feedback_deadline": self.LATER - timedelta(hours=1),
                    }
                    for i, partner in enumerate(self.partners(count))
                ]
            )

        def handled(callbacks):
            return all(
                callback.feedback_overdue
                and len(callback.activity_ids) == 1
                and callback.activity_ids.activity_type_id == todo
                and callback.activity_ids.user_id == callback.user_id
                for callback in callbacks
            )

        self.assertBounded(make, self.follow_up, handled)

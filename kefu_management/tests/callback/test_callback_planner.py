from datetime import date

from odoo.tests import tagged

from .common import KefuCallbackCase


@tagged("post_install", "-at_install", "kefu", "kefu_callback")
class TestCallbackPlanner(KefuCallbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Thursday 2027-06-10; Friday 11 a public holiday; Sunday 13 a make-up day.
        cls.add_holiday(date(2027, 6, 11), date(2027, 6, 11), name="Dragon Boat Festival")
        cls.add_makeup(date(2027, 6, 13))

    def install(self, partner, moment, source_type="installation"):
        source = self.Source.create(
            {
                "name": "Curtains",
                "partner_id": partner.id,
                "source_type": source_type,
                "done_date": moment,
            }
        )
        source.action_done()
        return source

    def test_callback_due_within_three_working_days(self):
        # CBK-1: across a holiday, a weekend and a make-up day.
        self.frozen(self.local(2027, 6, 10, 10, 5))
        source = self.install(self.customer, self.local(2027, 6, 10, 10, 0))
        self.Planner._cron_kefu_callback_plan()
        callback = source.callback_ids
        self.assertEqual(len(callback), 1)
        self.assertEqual(callback.callback_type, "service")
        # Working days: Sunday 13 (make-up), Monday 14, Tuesday 15.
        self.assertEqual(callback.deadline_date, self.local(2027, 6, 15, 10, 0))
        # Planned one working day later: the make-up Sunday, inside calling hours.
        self.assertEqual(callback.planned_date, self.local(2027, 6, 13, 10, 0))
        self.assertEqual(callback.state, "planned")
        self.assertEqual(len(callback.answer_ids), 10, "the ten questions of the form")
        self.assertEqual(callback.store_id, self.store)
        self.assertIn(callback.user_id, self.team.user_ids)

    def test_rest_windows_in_the_customer_timezone(self):
        # CBK-3: 10:00 in Shanghai is 04:00 in Berlin: moved to 09:00 Berlin time.
        self.frozen(self.local(2027, 6, 10, 10, 5))
        source = self.install(self.customer_berlin, self.local(2027, 6, 10, 10, 0))
        self.Planner._cron_kefu_callback_plan()
        self.assertEqual(
            source.callback_ids.planned_date, self.local(2027, 6, 13, 9, 0, tz="Europe/Berlin")
        )
        # The customer's own window replaces the midday default.
        self.customer_berlin.kefu_rest_ids = [(0, 0, {"hour_from": 9.0, "hour_to": 11.5})]
        slot = self.customer_berlin._kefu_next_call_slot(
            self.local(2027, 6, 14, 8, 0, tz="Europe/Berlin")
        )
        self.assertEqual(slot, self.local(2027, 6, 14, 11, 30, tz="Europe/Berlin"))
        slot = self.customer_berlin._kefu_next_call_slot(
            self.local(2027, 6, 14, 12, 30, tz="Europe/Berlin")
        )
        self.assertEqual(slot, self.local(2027, 6, 14, 12, 30, tz="Europe/Berlin"))
        # Default midday rest, the evening and the holiday for the Shanghai customer.
        slot = self.customer._kefu_next_call_slot(self.local(2027, 6, 14, 12, 30))
        self.assertEqual(slot, self.local(2027, 6, 14, 14, 0))
        slot = self.customer._kefu_next_call_slot(self.local(2027, 6, 10, 21, 30))
        self.assertEqual(slot, self.local(2027, 6, 13, 9, 0), "holiday and Saturday skipped")

    def test_project_monthly_then_quarterly(self):
        # CBK-5: at the 12-month boundary the cadence becomes quarterly.
        source = self.Source.create(
            {
                "name": "Hotel fit-out",
                "partner_id": self.customer.id,
                "source_type": "project",
                "done_date": self.local(2026, 1, 15, 10, 0),
            }
        )
        source.action_done()
        self.assertEqual(source.next_callback_date, date(2026, 2, 15))
        self.assertEqual(source._project_callback_date(11), date(2026, 12, 15))
        self.assertEqual(source._project_callback_date(12), date(2027, 1, 15))
        self.assertEqual(source._project_callback_date(13), date(2027, 4, 15))
        self.assertEqual(source._project_callback_date(14), date(2027, 7, 15))
        source.write({"project_callback_count": 11, "next_callback_date": date(2027, 1, 15)})
        self.frozen(self.local(2027, 1, 15, 8, 0))
        self.Planner._cron_kefu_callback_plan()
        self.Planner._cron_kefu_callback_plan()
        self.assertEqual(len(source.callback_ids), 1)
        self.assertEqual(source.callback_ids.planned_date, self.local(2027, 1, 15, 9, 0))
        self.assertEqual(source.project_callback_count, 12)
        self.assertEqual(source.next_callback_date, date(2027, 4, 15))
        self.frozen(self.local(2027, 3, 15, 8, 0))
        self.Planner._cron_kefu_callback_plan()
        self.assertEqual(len(source.callback_ids), 1, "no callback in the quarter's gap")
        self.frozen(self.local(2027, 4, 15, 8, 0))
        self.Planner._cron_kefu_callback_plan()
        self.assertEqual(len(source.callback_ids), 2)
        self.assertEqual(source.next_callback_date, date(2027, 7, 15))

    def test_planner_is_idempotent(self):
        self.frozen(self.local(2027, 6, 10, 10, 5))
        self.install(self.customer, self.local(2027, 6, 10, 10, 0))
        self.install(self.customer_berlin, self.local(2027, 6, 10, 10, 0), "delivery")
        special = self.env["kefu.callback.special"].create(
            {
                "name": "Mid-year greetings",
                "kind": "holiday",
                "date": date(2027, 6, 11),
                "target": "selected",
                "partner_ids": [(6, 0, [self.customer.id, self.customer_berlin.id])],
            }
        )
        self.Planner._cron_kefu_callback_plan()
        first = self.Callback.search(
            [("partner_id", "in", (self.customer | self.customer_berlin).ids)]
        )
        self.Planner._cron_kefu_callback_plan()
        second = self.Callback.search(
            [("partner_id", "in", (self.customer | self.customer_berlin).ids)]
        )
        self.assertEqual(first, second)
        self.assertEqual(len(first), 4)
        # CBK-4: greetings before the holiday, on the last working day before it.
        greeting = special.callback_ids.filtered(lambda c: c.partner_id == self.customer)
        self.assertEqual(greeting.planned_date, self.local(2027, 6, 10, 10, 5))
        self.assertTrue(special.planned)
        # CBK-6: spread over the two agents of the team by load.
        self.assertEqual(sorted(first.mapped("user_id").ids), sorted(self.team.user_ids.ids))

    def test_anniversary_callbacks(self):
        self.customer.write({"kefu_anniversary_date": date(2020, 6, 14), "kefu_key_customer": True})
        self.env["kefu.callback.special"].create(
            {"name": "Customer anniversaries", "kind": "anniversary", "target": "key"}
        )
        self.frozen(self.local(2027, 6, 10, 10, 5))
        self.Planner._cron_kefu_callback_plan()
        self.assertFalse(self.callbacks_of(self.customer), "not yet: the lead is one day")
        self.frozen(self.local(2027, 6, 13, 10, 5))
        self.Planner._cron_kefu_callback_plan()
        self.Planner._cron_kefu_callback_plan()
        callback = self.callbacks_of(self.customer)
        self.assertEqual(len(callback), 1)
        self.assertEqual(callback.planned_date, self.local(2027, 6, 14, 9, 0))

    def test_complaint_gets_its_callback_and_closes_the_step(self):
        # CMP-5: after the result is given back, the planner plans the callback.
        self.frozen(self.local(2027, 6, 14, 10, 0))
        ticket = self.make_ticket(
            user_id=self.agent.id, name="Broken rail", kefu_enquiry_type_id=self.type_complaint.id
        )
        ticket.write(
            {
                "kefu_complaint_state": "result_sent",
                "kefu_resolved_date": self.local(2027, 6, 14, 10, 0),
                "kefu_complaint_result": "Rail replaced.",
            }
        )
        self.Planner._cron_kefu_callback_plan()
        self.Planner._cron_kefu_callback_plan()
        callback = ticket.kefu_callback_ids
        self.assertEqual(len(callback), 1)
        self.assertEqual(callback.callback_type, "complaint")
        self.assertEqual(callback.user_id, self.agent)
        self.assertEqual(callback.planned_date, self.local(2027, 6, 15, 10, 0))
        self.frozen(self.local(2027, 6, 15, 10, 4))
        callback = callback.with_user(self.agent)
        callback.date_start = self.local(2027, 6, 15, 10, 0)
        self.answer_all(callback)
        callback.outcome = "Happy with the new rail."
        callback.action_done()
        self.assertEqual(ticket.kefu_complaint_state, "callback_done")
        self.assertEqual(ticket.kefu_callback_outcome, "Happy with the new rail.")
        self.assertEqual(ticket.kefu_callback_user_id, self.agent)
        self.assertEqual(ticket.kefu_callback_date, self.local(2027, 6, 15, 10, 4))

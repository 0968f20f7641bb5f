from datetime import timedelta

import pytz

from odoo.tests import tagged

from .common import KefuCallbackCase


@tagged("post_install", "-at_install", "kefu", "kefu_callback")
class TestCallbackTimezone(KefuCallbackCase):
    """CBK-3: the planner never books a callback in the customer's local rest time
    (outside 9-21, the 12-14 rest window), whatever the calendar's time zone."""

    def setUp(self):
        super().setUp()
        # The server and the calendar on UTC (working hours 16:00-01:00 Beijing time).
        self.calendar.tz = "UTC"

    def assertCallable(self, moment, partner):
        local = pytz.utc.localize(moment).astimezone(pytz.timezone("Asia/Shanghai"))
        hour = local.hour + local.minute / 60.0
        self.assertTrue(9 <= hour < 21, f"{local} outside the calling hours")
        self.assertFalse(12 <= hour < 14, f"{local} in the rest window")
        self.assertFalse(partner._kefu_rest_reason(moment), local)

    def test_complaint_callback_in_the_customers_calling_hours(self):
        # Resolved Monday 10:00 Beijing (02:00 UTC): one working day later on a UTC
        # calendar is 01:00 Beijing, the night: moved to 09:00 Beijing.
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
        callback = ticket.kefu_callback_ids
        self.assertEqual(len(callback), 1)
        self.assertCallable(callback.planned_date, self.customer)
        self.assertEqual(callback.planned_date, self.local(2027, 6, 15, 9, 0))

    def test_no_slot_in_the_rest_time_at_any_hour(self):
        # From every half hour of two days, the next slot is a callable local time.
        start = self.local(2027, 6, 14, 0, 0)
        for step in range(96):
            moment = start + timedelta(minutes=30 * step)
            self.assertCallable(self.customer._kefu_next_call_slot(moment), self.customer)
        # Beijing 12:30 is 04:30 UTC, inside the UTC calendar's night: the rest
        # window is read on the customer's clock, not the calendar's.
        self.assertEqual(
            self.customer._kefu_next_call_slot(self.local(2027, 6, 14, 12, 30)),
            self.local(2027, 6, 14, 14, 0),
        )

from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import KefuCallbackCase


@tagged("post_install", "-at_install", "kefu", "kefu_callback")
class TestCallbackFeedback(KefuCallbackCase):
    def done_callback(self, partner, end, user=None):
        callback = self.make_callback(
            user=user,
            partner_id=partner.id,
            planned_date=partner._kefu_next_call_slot(end),
            date_start=end,
            date_end=end,
        )
        self.answer_all(callback)
        callback.outcome = "The curtains are fine."
        callback.action_done()
        return callback

    def test_feedback_to_the_store_within_one_working_day(self):
        # CBK-2: done on Friday 16:00; Monday is a holiday: due Tuesday 16:00.
        self.add_holiday(date(2027, 6, 14), date(2027, 6, 14))
        self.frozen(self.local(2027, 6, 11, 16, 5))
        callback = self.done_callback(self.customer, self.local(2027, 6, 11, 16, 0), self.agent)
        self.assertEqual(callback.feedback_state, "to_send")
        self.assertEqual(callback.feedback_deadline, self.local(2027, 6, 15, 16, 0))
        self.assertIn("The curtains are fine.", callback.feedback)
        self.frozen(self.local(2027, 6, 15, 15, 0))
        self.Planner._cron_kefu_callback_follow_up()
        self.assertFalse(callback.feedback_overdue)
        self.frozen(self.local(2027, 6, 15, 16, 30))
        self.Planner._cron_kefu_callback_follow_up()
        self.Planner._cron_kefu_callback_follow_up()
        self.assertTrue(callback.feedback_overdue)
        self.assertEqual(len(callback.activity_ids), 1, "one reminder, even when run twice")
        # The store is written to, and its follow-up recorded.
        with self.assertRaises(UserError):
            callback.action_record_store_reply()
        callback.with_user(self.agent).action_send_feedback()
        self.assertEqual(callback.feedback_state, "sent")
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "kefu.callback"),
                ("res_id", "=", callback.id),
                ("subject", "=like", "Callback feedback%"),
            ]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn(self.store, mail.recipient_ids)
        self.assertNotIn(self.customer, mail.recipient_ids)
        self.assertIn("The curtains are fine.", mail.body_html)
        with self.assertRaises(UserError):
            callback.with_user(self.agent).action_send_feedback()
        with self.assertRaises(UserError):
            callback.with_user(self.agent).action_record_store_reply()
        callback.with_user(self.agent).store_reply = "Visited the customer, rail adjusted."
        callback.with_user(self.agent).action_record_store_reply()
        self.assertEqual(callback.feedback_state, "answered")
        self.assertEqual(callback.store_reply_date, self.local(2027, 6, 15, 16, 30))

    def test_no_store_no_feedback(self):
        self.frozen(self.local(2027, 6, 11, 10, 5))
        callback = self.done_callback(self.customer_berlin, self.local(2027, 6, 11, 10, 0))
        self.assertEqual(callback.feedback_state, "none")
        self.assertFalse(callback.feedback_deadline)

    def test_key_customer_coverage(self):
        # CBK-3: key customers with a done callback / all key customers.
        third = self.env["res.partner"].create({"name": "Key Three", "tz": "Asia/Shanghai"})
        keys = self.customer | self.customer_berlin | third
        keys.kefu_key_customer = True
        self.frozen(self.local(2027, 6, 10, 10, 5))
        self.done_callback(self.customer, self.local(2027, 6, 10, 10, 0))
        self.done_callback(self.customer_berlin, self.local(2027, 6, 10, 10, 0))
        # A callback of last month does not count.
        self.done_callback(third, self.local(2027, 5, 31, 10, 0))
        coverage = self.Planner.coverage(date(2027, 6, 1), date(2027, 7, 1))
        self.assertEqual((coverage["done"], coverage["total"]), (2, 3))
        self.assertAlmostEqual(coverage["rate"], 200 / 3)
        self.assertEqual(coverage["missing"], third)
        self.assertEqual(
            self.env["res.partner"].search([("kefu_coverage_missing", "=", True)]), third
        )
        # Not yet close to the month's end: nothing planned.
        self.Planner._cron_kefu_callback_follow_up()
        self.assertFalse(self.callbacks_of(third).filtered(lambda c: c.state == "planned"))
        # Five days before the end: planned and the Team Leader told, once.
        self.frozen(self.local(2027, 6, 26, 10, 0))
        self.Planner._cron_kefu_callback_follow_up()
        self.Planner._cron_kefu_callback_follow_up()
        planned = self.callbacks_of(third).filtered(lambda c: c.state == "planned")
        self.assertEqual(len(planned), 1)
        self.assertEqual(planned.callback_type, "coverage")
        self.assertEqual(planned.activity_ids.user_id, self.leader)
        self.assertEqual(planned.planned_date, self.local(2027, 6, 28, 9, 0), "after the weekend")
        self.frozen(self.local(2027, 6, 28, 9, 5))
        planned.date_start = self.local(2027, 6, 28, 9, 0)
        self.answer_all(planned)
        planned.outcome = "All fine"
        planned.action_done()
        coverage = self.Planner.coverage(date(2027, 6, 1), date(2027, 7, 1))
        self.assertEqual(coverage["rate"], 100.0)

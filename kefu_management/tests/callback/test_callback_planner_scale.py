from datetime import date

from odoo.tests import tagged

from .common import KefuCallbackCase


@tagged("post_install", "-at_install", "kefu", "kefu_callback")
class TestCallbackPlannerScale(KefuCallbackCase):
    """CBK-3/CBK-4 planning goes through the batch helper: O(batch) per run, with
    progress, nothing redone when nothing changed, leader notes without names."""

    def key_customers(self, count, **values):
        return self.env["res.partner"].create(
            [
                dict(
                    {"name": f"Key {i:03d}", "tz": "Asia/Shanghai", "kefu_key_customer": True},
                    **values,
                )
                for i in range(count)
            ]
        )

    def follow_up(self, batch_size):
        before = self.cr.sql_log_count
        self.Planner._cron_kefu_callback_follow_up(batch_size=batch_size)
        return self.cr.sql_log_count - before

    def coverage_callbacks(self):
        return self.Callback.search([("callback_type", "=", "coverage")])

    def test_coverage_is_planned_batch_by_batch_and_the_leader_gets_one_note(self):
        partners = self.key_customers(5)
        self.frozen(self.local(2027, 6, 26, 10, 0))
        planned = []
        for _run in range(4):
            self.follow_up(batch_size=2)
            planned.append(len(self.coverage_callbacks()))
        self.assertEqual(planned, [2, 4, 5, 5])
        self.assertEqual(self.coverage_callbacks().partner_id, partners)
        todo = self.env["mail.activity"].search(
            [("res_model", "=", "kefu.callback"), ("user_id", "=", self.leader.id)]
        )
        self.assertEqual(len(todo), 1, "one to-do per leader and period, not one per customer")
        self.assertIn("5", str(todo.note))
        self.assertIn("kefu_callback_action_coverage", str(todo.note))
        for partner in partners:
            self.assertNotIn(partner.name, str(todo.note))

    def test_coverage_run_costs_the_same_whatever_the_number_of_customers(self):
        self.frozen(self.local(2027, 6, 26, 10, 0))
        self.key_customers(3)
        small = self.follow_up(batch_size=2)
        self.Callback.search([("callback_type", "=", "coverage")]).unlink()
        self.env["res.partner"].search([("kefu_key_customer", "=", True)]).kefu_key_customer = False
        self.key_customers(40)
        large = self.follow_up(batch_size=2)
        # Same batch, ten times the customers: a handful of queries more at most.
        self.assertLessEqual(large, small + 5, (small, large))

    def test_anniversaries_are_looked_at_once_until_due(self):
        far, near = self.key_customers(2)
        far.kefu_anniversary_date = date(2020, 12, 1)
        near.kefu_anniversary_date = date(2020, 6, 14)
        self.env["kefu.callback.special"].create(
            {"name": "Customer anniversaries", "kind": "anniversary", "target": "key"}
        )
        self.frozen(self.local(2027, 6, 13, 10, 5))
        self.Planner._cron_kefu_callback_plan()
        self.assertEqual(len(self.callbacks_of(near)), 1)
        self.assertFalse(self.callbacks_of(far))
        # Looked at again when the next anniversary comes within the lead (one day).
        self.assertEqual(far.kefu_anniversary_check_date, date(2027, 11, 30))
        self.assertEqual(near.kefu_anniversary_check_date, date(2027, 6, 15))
        # A second run the same day finds nobody to look at.
        domain = self.Planner._anniversary_step(date(2027, 6, 13), 1)[1]
        self.assertFalse(self.env["res.partner"].search(domain))
        self.Planner._cron_kefu_callback_plan()
        self.assertEqual(len(self.callbacks_of(near)), 1)
        # A new anniversary date is looked at again at once.
        far.kefu_anniversary_date = date(2020, 6, 14)
        self.Planner._cron_kefu_callback_plan()
        self.assertEqual(len(self.callbacks_of(far)), 1)

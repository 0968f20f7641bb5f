from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import KefuCreditCase


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestCreditLimit(KefuCreditCase):
    @freeze_time("2026-06-30")
    def test_tier_a_limit_is_the_sales_of_the_payment_period(self):
        # 9,000 invoiced within the 90-day window, 5,000 before it.
        self.make_invoice(self.customer, 4000.0, date(2026, 4, 15))
        self.make_invoice(self.customer, 5000.0, date(2026, 6, 29))
        self.make_invoice(self.customer, 5000.0, date(2026, 3, 1))
        self.set_tier(self.customer, "A")
        # 9,000 / 90 days x 30 days of the tier's payment term.
        self.assertAlmostEqual(self.customer.sudo().credit_limit, 3000.0)
        self.assertEqual(self.customer.property_payment_term_id, self.term_30)
        self.assertEqual(self.customer.kefu_credit_tier_user_id, self.controller)
        self.assertEqual(self.customer.kefu_credit_tier_date, date(2026, 6, 30))
        self.assertTrue(self.customer.sudo().risk_sale_order_include)

    @freeze_time("2026-06-30")
    def test_tier_a_limit_set_by_hand_is_kept(self):
        # CRD-2: kept because it stays within the sales of the payment period:
        # 270,000 / 90 days x 30 days = 90,000.
        self.make_invoice(self.customer, 270000.0, date(2026, 6, 1))
        self.set_tier(self.customer, "A")
        self.customer.with_user(self.controller).write(
            {"kefu_credit_limit_manual": True, "credit_limit": 80000.0}
        )
        self.customer.with_user(self.controller).action_kefu_recompute_credit_limit()
        self.assertEqual(self.customer.sudo().credit_limit, 80000.0)

    def test_tiers_b_c_d_apply_their_policy(self):
        self.set_tier(self.customer, "B")
        self.assertEqual(self.customer.sudo().credit_limit, 50000.0)
        self.set_tier(self.customer, "C")
        self.assertEqual(self.customer.sudo().credit_limit, 0.0)
        self.assertEqual(self.customer.property_payment_term_id, self.term_immediate)
        self.policy["C"].allow_limit = True
        self.set_tier(self.customer, "C", reason="Meets the small-limit policy")
        self.assertEqual(self.customer.sudo().credit_limit, 10000.0)
        self.set_tier(self.customer, "D")
        self.assertEqual(self.customer.sudo().credit_limit, 0.0)
        self.assertTrue(self.customer.kefu_credit_policy_id.prepayment_required)

    def test_tier_d_can_never_hold_a_limit(self):
        self.set_tier(self.customer, "D")
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.customer.with_user(self.controller).write({"credit_limit": 1000.0})
        self.customer.invalidate_recordset()
        self.assertEqual(self.customer.sudo().credit_limit, 0.0)

    def test_negative_limit_is_refused(self):
        self.set_tier(self.customer, "B")
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.customer.with_user(self.controller).write({"credit_limit": -5.0})
        self.customer.invalidate_recordset()
        self.assertEqual(self.customer.sudo().credit_limit, 50000.0)
        with self.assertRaises(ValidationError):
            self.policy["B"].fixed_limit = -1.0

    def test_sales_cannot_change_tiers_credit_group_can(self):
        with self.assertRaises(AccessError):
            self.customer.with_user(self.salesman).write(
                {"kefu_credit_tier": "A", "kefu_credit_tier_reason": "I like them"}
            )
        self.assertFalse(self.customer.kefu_credit_tier)
        # Sales see the tier, read-only.
        self.set_tier(self.customer, "B")
        self.assertEqual(self.customer.with_user(self.salesman).kefu_credit_tier, "B")
        self.assertFalse(self.customer.with_user(self.salesman).kefu_credit_can_edit)
        # Finance's credit staff are given the credit group; the CS Manager's role implies it.
        for user in (self.finance, self.cs_manager):
            self.assertTrue(user.has_group("kefu_credit.group_kefu_credit_control"))
        self.customer.with_user(self.finance).write(
            {"kefu_credit_tier": "C", "kefu_credit_tier_reason": "Late payments"}
        )
        self.assertEqual(self.customer.kefu_credit_tier_user_id, self.finance)

    def test_tier_needs_a_reason(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.customer.with_user(self.controller).write(
                {"kefu_credit_tier": "A", "kefu_credit_tier_reason": " "}
            )
        self.customer.invalidate_recordset()
        self.assertFalse(self.customer.kefu_credit_tier)

    def test_tier_b_limit_relaxes_after_months_without_overdue(self):
        with freeze_time("2026-01-10"):
            self.set_tier(self.customer, "B")
        late = self.env["res.partner"].create({"name": "Late payer", "is_company": True})
        with freeze_time("2026-01-10"):
            self.set_tier(late, "B")
            self.make_invoice(late, 100.0, date(2026, 1, 10))
        with freeze_time("2026-04-01"):
            self.env["res.partner"]._cron_kefu_relax_credit_limits()
            self.assertEqual(self.customer.sudo().credit_limit, 50000.0)
        with freeze_time("2026-07-11"):
            self.env["res.partner"]._cron_kefu_relax_credit_limits()
            self.env["res.partner"]._cron_kefu_relax_credit_limits()
            self.assertEqual(self.customer.sudo().credit_limit, 60000.0)
            self.assertEqual(self.customer.kefu_credit_relax_date, date(2026, 7, 11))
            # An overdue invoice keeps the limit and restarts the months.
            self.assertEqual(late.sudo().credit_limit, 50000.0)
            self.assertEqual(late.kefu_credit_relax_date, date(2026, 7, 11))

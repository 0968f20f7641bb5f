from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import KefuCreditCase


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestEnforcement(KefuCreditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy["B"].fixed_limit = 1000.0
        cls.set_tier(cls.customer, "B")

    def test_confirmation_at_the_exact_limit_is_allowed_a_cent_more_is_not(self):
        order = self.make_order(self.customer, 1000.0)
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")
        extra = self.make_order(self.customer, 0.01)
        with self.assertRaisesRegex(UserError, "over the credit limit"):
            extra.with_user(self.salesman).action_confirm()
        self.assertEqual(extra.state, "draft")

    def test_unpaid_invoices_and_open_orders_count(self):
        self.make_invoice(self.customer, 600.0, date.today())
        self.make_order(self.customer, 300.0).with_user(self.salesman).action_confirm()
        order = self.make_order(self.customer, 100.0)
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")
        blocked = self.make_order(self.customer, 1.0)
        with self.assertRaises(UserError):
            blocked.with_user(self.salesman).action_confirm()
        self.assertEqual(blocked.state, "draft")

    def test_longer_payment_term_than_the_tier_is_refused(self):
        order = self.make_order(self.customer, 10.0, term=self.term_45)
        with self.assertRaisesRegex(UserError, "payment term"):
            order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_over_limit_approval_by_the_marketing_manager(self):
        order = self.make_order(self.customer, 1500.0)
        Approval = self.env["kefu.credit.overlimit.approval"].with_user(self.salesman)
        # An approval smaller than the overrun is refused, nothing requested.
        small = Approval.create({"order_id": order.id, "amount": 100.0, "reason": "Big customer"})
        with self.assertRaises(ValidationError):
            small.action_request()
        self.assertFalse(small.review_ids)
        small.action_cancel()
        approval = Approval.create({"order_id": order.id, "amount": 500.0, "reason": "Season"})
        self.assertEqual(approval.amount_needed, 500.0)
        self.assertEqual(approval.partner_id, self.customer)
        approval.action_request()
        self.assertEqual(
            approval.review_ids.definition_id.reviewer_group_id.name, "Marketing Manager"
        )
        # Sales cannot approve their own request, nor confirm meanwhile.
        with self.assertRaises(UserError):
            order.with_user(self.salesman).action_confirm()
        self.assertFalse(approval.with_user(self.salesman).can_review)
        approval.with_user(self.marketing).validate_tier()
        self.assertEqual(approval.state, "approved")
        self.assertEqual(approval.approved_by_id, self.marketing)
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")
        # Recorded on the order and on the customer.
        self.assertEqual(order.kefu_overlimit_approval_ids.filtered("approved_by_id"), approval)
        self.assertIn(approval, self.customer.kefu_credit_overlimit_approval_ids)

    def test_approval_too_small_after_the_order_grew(self):
        order = self.make_order(self.customer, 1500.0)
        approval = self.env["kefu.credit.overlimit.approval"].create(
            {"order_id": order.id, "amount": 500.0, "reason": "Season"}
        )
        approval.action_request()
        approval.with_user(self.marketing).validate_tier()
        order.order_line.price_unit = 1800.0
        with self.assertRaisesRegex(UserError, "covers"):
            order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_large_overrun_goes_to_the_general_manager(self):
        self.env["ir.config_parameter"].set_param("kefu_credit.gm_approval_amount", "1000")
        order = self.make_order(self.customer, 3000.0)
        approval = self.env["kefu.credit.overlimit.approval"].create(
            {"order_id": order.id, "amount": 2000.0, "reason": "Project order"}
        )
        approval.action_request()
        self.assertTrue(approval.needs_general_manager)
        self.assertFalse(approval.with_user(self.marketing).can_review)
        self.assertTrue(approval.with_user(self.general_manager).can_review)
        approval.with_user(self.general_manager).validate_tier()
        self.assertEqual(approval.state, "approved")
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_tier_d_needs_prepayment(self):
        self.set_tier(self.customer, "D")
        order = self.make_order(self.customer, 800.0)
        self.assertEqual(order.payment_term_id, self.term_immediate)
        with self.assertRaisesRegex(UserError, "prepayment"):
            order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "draft")
        # An approval cannot replace the prepayment.
        approval = self.env["kefu.credit.overlimit.approval"].create(
            {"order_id": order.id, "amount": 800.0, "reason": "Please"}
        )
        with self.assertRaises(ValidationError):
            approval.action_request()
        payment = self.env["account.payment"].create(
            {
                "partner_id": self.customer.id,
                "partner_type": "customer",
                "payment_type": "inbound",
                "amount": 800.0,
            }
        )
        payment.action_post()
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_sales_cannot_approve_through_write(self):
        order = self.make_order(self.customer, 1500.0)
        approval = self.env["kefu.credit.overlimit.approval"].create(
            {"order_id": order.id, "amount": 500.0, "reason": "Season"}
        )
        approval.action_request()
        with self.assertRaises(AccessError):
            approval.with_user(self.salesman).write({"state": "approved"})
        approval.with_user(self.salesman).validate_tier()
        self.assertEqual(approval.state, "draft")
        self.assertEqual(approval.validation_status, "pending")

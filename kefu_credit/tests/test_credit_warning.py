from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import format_amount

from .common import KefuCreditCase


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestCreditWarning(KefuCreditCase):
    """The quotation says before Confirm what Confirm would refuse (CRD-2, CRD-3, CRD-10)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy["B"].fixed_limit = 25000.0
        cls.set_tier(cls.customer, "B")
        cls.currency = cls.customer.risk_currency_id

    def fmt(self, amount):
        return format_amount(self.env, amount, self.currency)

    def test_over_limit_banner_and_refusal_show_formatted_amounts(self):
        order = self.make_order(self.customer, 50000.0).with_user(self.salesman)
        warning = order.kefu_credit_warning
        self.assertIn("over the credit limit", warning)
        self.assertIn(self.fmt(25000.0), warning)
        self.assertIn(self.fmt(50000.0), warning)
        self.assertNotIn("25000.0", warning)
        with self.assertRaises(UserError) as refusal:
            order.action_confirm()
        self.assertEqual(refusal.exception.args[0], warning)
        # Within the limit: no banner.
        self.assertFalse(self.make_order(self.customer, 100.0).kefu_credit_warning)

    def test_tier_d_banner_names_the_orders_that_absorbed_the_payment(self):
        self.set_tier(self.customer, "D")
        payment = self.env["account.payment"].create(
            {
                "partner_id": self.customer.id,
                "partner_type": "customer",
                "payment_type": "inbound",
                "amount": 500.0,
            }
        )
        payment.action_post()
        first = self.make_order(self.customer, 400.0)
        first.with_user(self.salesman).action_confirm()
        order = self.make_order(self.customer, 800.0).with_user(self.salesman)
        warning = order.kefu_credit_warning
        self.assertIn("prepayment", warning)
        self.assertIn(self.fmt(100.0), warning)
        self.assertIn(self.fmt(800.0), warning)
        self.assertIn(self.fmt(400.0), warning)
        self.assertIn(first.name, warning)

    def test_suspended_customer_banner_on_order_and_delivery(self):
        self.customer.sudo().kefu_credit_suspended = True
        order = self.make_order(self.customer, 10.0).with_user(self.salesman)
        self.assertIn("suspended", order.kefu_credit_warning)
        picking = self.env["stock.picking"].create(
            {
                "partner_id": self.customer.id,
                "picking_type_id": self.env.ref("stock.picking_type_out").id,
            }
        )
        self.assertTrue(picking.kefu_credit_suspended)
        arch = picking.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("kefu_credit_suspended", arch)

    def test_warning_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        order = self.make_order(self.customer, 50000.0).with_user(self.salesman)
        warning = order.with_context(lang="zh_CN").kefu_credit_warning
        self.assertNotIn("over the credit limit", warning)
        self.assertIn(self.fmt(25000.0), warning)

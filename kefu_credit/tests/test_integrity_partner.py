"""Issue 12, finding 5: how a tiered customer's exposure is computed (open orders,
invoices: CRD-3) is changed by the credit group only; customers outside kefu's
tiers keep OCA's behaviour."""

import re

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import KefuCreditCase
from .common import KefuCreditRpcMixin

RISK_TEXT = "Only the credit control group (Finance, CS Manager) can change how the credit risk"
RISK = re.escape(RISK_TEXT)


class KefuPartnerAttackCase(KefuCreditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.set_tier(cls.customer, "B")  # limit 50,000

    def snapshot(self):
        self.env.invalidate_all()
        return self.customer.sudo().read(
            [
                "risk_sale_order_include",
                "risk_invoice_draft_include",
                "risk_invoice_open_include",
                "risk_invoice_unpaid_include",
                "credit_limit",
            ]
        )

    def confirm_orders(self, user):
        first = self.make_order(self.customer, 40000.0)
        first.with_user(user).action_confirm()
        second = self.make_order(self.customer, 40000.0)
        with self.assertRaisesRegex(UserError, "over the credit limit"):
            second.with_user(user).action_confirm()
        self.assertEqual(second.state, "draft")


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestPartnerIntegrity(KefuPartnerAttackCase):
    def test_salesman_cannot_drop_open_orders_from_the_exposure(self):
        """Finding 5: risk_sale_order_include=False, then 40k + 40k + 45k confirmed on
        a 50k limit."""
        before = self.snapshot()
        for field in (
            "risk_sale_order_include",
            "risk_invoice_draft_include",
            "risk_invoice_open_include",
            "risk_invoice_unpaid_include",
        ):
            with self.subTest(field=field), self.assertRaisesRegex(AccessError, RISK):
                self.customer.with_user(self.salesman).write({field: False})
        contact = self.env["res.partner"].create({"name": "Buyer", "parent_id": self.customer.id})
        with self.assertRaisesRegex(AccessError, RISK):
            contact.with_user(self.salesman).write({"risk_sale_order_include": False})
        self.assertEqual(self.snapshot(), before)
        self.confirm_orders(self.salesman)

    def test_credit_group_and_untiered_customers(self):
        # Customers outside kefu's tiers: OCA's behaviour is kept.
        other = self.env["res.partner"].create({"name": "Walk-in", "is_company": True})
        other.with_user(self.salesman).write({"risk_sale_order_include": True})
        self.assertTrue(other.risk_sale_order_include)
        self.customer.with_user(self.controller).write({"risk_invoice_draft_include": False})
        self.assertFalse(self.customer.risk_invoice_draft_include)


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestPartnerIntegrityRpc(KefuCreditRpcMixin, HttpCase, KefuPartnerAttackCase):
    def test_rpc_salesman_drops_open_orders(self):
        before = self.snapshot()
        self.assertRpcRefused(
            "t_sales",
            "res.partner",
            "write",
            self.customer.ids,
            {"risk_sale_order_include": False},
            message=RISK_TEXT,
        )
        # The refusal in the user's language.
        self.assertRpcRefused(
            "t_sales",
            "res.partner",
            "write",
            self.customer.ids,
            {"risk_sale_order_include": False},
            context={"lang": "zh_CN"},
            message="只有信用控制组（财务、客服部经理）可以更改",
        )
        self.assertEqual(self.snapshot(), before)
        self.confirm_orders(self.salesman)

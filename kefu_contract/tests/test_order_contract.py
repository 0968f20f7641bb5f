"""CON-1: a sales order above the configured amount is confirmed only with a
reviewed (approved) sales contract of the same customer linked to it."""

import math

from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.kefu_management.tests.common import KefuRpcMixin

from .common import KefuContractCase

ZH = {"lang": "zh_CN"}
NEEDS = "needs a reviewed sales contract"


class OrderMixin:
    @classmethod
    def setup_orders(cls):
        cls.product = cls.env["product.product"].create(
            {"name": "Gear pump", "type": "consu", "list_price": 10.0, "taxes_id": False}
        )

    @classmethod
    def make_order(cls, amount, user=None, partner=None):
        return (
            cls.env["sale.order"]
            .with_user(user or cls.salesman)
            .create(
                {
                    "partner_id": (partner or cls.customer).id,
                    "order_line": [
                        fields.Command.create(
                            {
                                "product_id": cls.product.id,
                                "product_uom_qty": 1,
                                "price_unit": amount,
                                "tax_id": [fields.Command.clear()],
                            }
                        )
                    ],
                }
            )
        )


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestOrderContract(OrderMixin, KefuContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_orders()
        cls.admin_zh = new_test_user(
            cls.env, "t_con_order_admin", groups="base.group_system", lang="zh_CN"
        )
        cls.invoicing = new_test_user(
            cls.env, "t_con_invoicing", groups="account.group_account_invoice"
        )

    def settings(self, **vals):
        self.env(user=self.admin_zh, context=ZH)["res.config.settings"].create(vals).execute()

    def test_order_above_the_amount_needs_an_approved_contract(self):
        self.assertTrue(self.env["kefu.settings"].get_value("kefu_con_order_needs_contract"))
        self.assertEqual(self.env["kefu.settings"].get_value("kefu_con_order_amount"), 100000.0)
        order = self.make_order(150000.0).with_user(self.salesman)
        with self.assertRaisesText(UserError, NEEDS):
            order.action_confirm()
        self.assertEqual(order.state, "draft")
        draft = self.make_contract(amount=200000.0)
        order.kefu_contract_ids = draft
        with self.assertRaisesText(UserError, NEEDS):
            order.action_confirm()
        self.assertEqual(order.state, "draft")
        approved = self.make_approved(amount=200000.0)
        order.kefu_contract_ids = approved
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertIn(order, approved.sale_order_ids, "one link, seen from both sides")

    def test_order_at_or_under_the_amount_needs_no_contract(self):
        order = self.make_order(100000.0).with_user(self.salesman)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_contract_of_another_customer_or_for_less_does_not_count(self):
        other = self.env["res.partner"].create({"name": "Other Co.", "is_company": True})
        order = self.make_order(150000.0).with_user(self.salesman)
        for contract in (
            self.make_approved(partner_id=other.id, amount=200000.0),
            self.make_approved(amount=120000.0),
        ):
            order.kefu_contract_ids = contract
            with self.assertRaisesText(UserError, NEEDS):
                order.action_confirm()
        self.assertEqual(order.state, "draft")

    def test_settings_change_the_amount_and_can_turn_the_rule_off(self):
        self.settings(kefu_con_order_amount=500000.0)
        self.make_order(400000.0).with_user(self.salesman).action_confirm()
        with self.assertRaisesText(UserError, NEEDS):
            self.make_order(600000.0).with_user(self.salesman).action_confirm()
        self.settings(kefu_con_order_amount=500000.0, kefu_con_order_needs_contract=False)
        self.assertFalse(self.env["kefu.settings"].get_value("kefu_con_order_needs_contract"))
        form = self.env(user=self.admin_zh)["res.config.settings"].default_get(
            ["kefu_con_order_needs_contract"]
        )
        self.assertFalse(form["kefu_con_order_needs_contract"], "the form shows it off")
        order = self.make_order(600000.0).with_user(self.salesman)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_bad_amount_is_refused_in_chinese(self):
        ICP = self.env["ir.config_parameter"].sudo()
        before = ICP.get_param("kefu_contract.order_amount")
        for bad, message in [
            (math.nan, "必须是有限的数字"),
            (math.inf, "必须是有限的数字"),
            (-5.0, "必须在 1 到 1000000000000 之间"),
        ]:
            with self.subTest(bad=bad), self.assertRaises(ValidationError) as caught:
                self.settings(kefu_con_order_amount=bad)
            self.assertIn(message, str(caught.exception))
        self.assertEqual(ICP.get_param("kefu_contract.order_amount"), before)

    def test_message_in_chinese(self):
        order = self.make_order(150000.0).with_user(self.salesman).with_context(**ZH)
        with self.assertRaisesText(UserError, "审核通过的销售合同"):
            order.action_confirm()

    def test_host_users_without_contracts_still_open_and_confirm_orders(self):
        # Another sales person's approved contract, which this one cannot read,
        # linked by a sales manager: the confirmation checks it all the same.
        approved = self.make_approved(amount=200000.0)
        order = self.make_order(150000.0, user=self.salesman2)
        order.sudo().kefu_contract_ids = approved
        with self.assertRaises(AccessError):
            approved.with_user(self.salesman2).read(["name"])
        order.with_user(self.salesman2).action_confirm()
        self.assertEqual(order.state, "sale")
        small = self.make_order(5000.0, user=self.salesman2).with_user(self.salesman2)
        small.action_confirm()
        self.assertEqual(small.state, "sale")
        # Invoicing reads orders, not contracts: the link is not on its form.
        arch = order.with_user(self.invoicing).get_views([(False, "form")])["views"]["form"]
        self.assertFalse(etree.fromstring(arch["arch"]).xpath("//field[@name='kefu_contract_ids']"))
        self.assertEqual(order.with_user(self.invoicing).read(["name"])[0]["name"], order.name)
        arch = order.with_user(self.salesman).get_views([(False, "form")])["views"]["form"]
        self.assertTrue(etree.fromstring(arch["arch"]).xpath("//field[@name='kefu_contract_ids']"))


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestOrderContractRpc(OrderMixin, KefuRpcMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.salesman = new_test_user(
            cls.env, "t_con_rpc_sales", groups="sales_team.group_sale_salesman", lang="zh_CN"
        )
        cls.customer = cls.env["res.partner"].create({"name": "RPC Parts Co.", "is_company": True})
        cls.setup_orders()

    def test_confirm_over_rpc_refused_with_nothing_written(self):
        order = self.make_order(150000.0)
        self.assertRpcRefused(
            "t_con_rpc_sales", "sale.order", "action_confirm", order.ids, message="销售合同"
        )
        self.env.invalidate_all()
        self.assertEqual(order.state, "draft")
        small = self.make_order(5000.0)
        _result, error = self.rpc("t_con_rpc_sales", "sale.order", "action_confirm", small.ids)
        self.assertFalse(error)
        self.env.invalidate_all()
        self.assertEqual(small.state, "sale")

from datetime import date, datetime

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .common import KefuContractCase


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestDelivery(KefuContractCase):
    """CON-5: goods not delivered within the contract's period are flagged to CS,
    which reminds sales."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Bearing housing", "type": "consu", "is_storable": True, "list_price": 10.0}
        )
        cls.env["stock.quant"]._update_available_quantity(
            cls.product, cls.env.ref("stock.stock_location_stock"), 100.0
        )

    def contract_with_order(self, end):
        order = (
            self.env["sale.order"]
            .with_context(bypass_risk=True)
            .create(
                {
                    "partner_id": self.customer.id,
                    "user_id": self.salesman.id,
                    "order_line": [
                        fields.Command.create(
                            {"product_id": self.product.id, "product_uom_qty": 5, "price_unit": 10}
                        )
                    ],
                }
            )
        )
        order.action_confirm()
        contract = self.make_contract(
            delivery_date_start=date(2027, 1, 4), delivery_date_end=end, sale_order_ids=[order.id]
        )
        contract.with_user(self.salesman).action_submit()
        self.approve(contract)
        contract.with_user(self.salesman).signed_document = self.document
        contract.with_user(self.salesman).action_sign()
        return contract, order

    def deliver(self, order):
        picking = order.picking_ids
        picking.move_ids.quantity = 5
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")

    def test_late_delivery_is_flagged_once_with_an_activity_for_sales(self):
        # The reminder is written in the sales person's language: English here.
        self.salesman.lang = "en_US"
        contract, order = self.contract_with_order(date(2027, 1, 15))
        self.assertEqual(contract.delivery_state, "pending")
        self.assertEqual(contract.sale_order_refs, order.name)
        Contract = self.env["kefu.contract"]
        todo = self.env.ref("mail.mail_activity_data_todo")

        def urges():
            return contract.activity_ids.filtered(
                lambda a: a.activity_type_id == todo and "not delivered" in (a.summary or "")
            )

        with freeze_time(datetime(2027, 1, 15, 12, 0)):
            Contract._cron_flag_late_delivery()
        self.assertFalse(contract.delivery_late)
        with freeze_time(datetime(2027, 1, 16, 12, 0)):
            Contract._cron_flag_late_delivery()
            Contract._cron_flag_late_delivery()
        self.assertTrue(contract.delivery_late)
        self.assertEqual(len(urges()), 1)
        self.assertEqual(urges().user_id, self.salesman)
        with freeze_time(datetime(2027, 1, 18, 9, 0)):
            self.deliver(order)
        self.assertEqual(contract.delivery_state, "done")
        self.assertEqual(contract.delivered_on, datetime(2027, 1, 18, 9, 0))
        self.assertTrue(contract.delivery_late, "delivered after the deadline")

    def test_delivery_in_time_is_not_late(self):
        contract, order = self.contract_with_order(date(2027, 1, 15))
        with freeze_time(datetime(2027, 1, 14, 9, 0)):
            self.deliver(order)
        with freeze_time(datetime(2027, 1, 20, 9, 0)):
            self.env["kefu.contract"]._cron_flag_late_delivery()
        self.assertEqual(contract.delivery_state, "done")
        self.assertFalse(contract.delivery_late)
        self.assertFalse(contract.delivery_flagged_on)

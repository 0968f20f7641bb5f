from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import KefuCreditCase


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestEmergencyReport(KefuCreditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.set_tier(cls.customer, "B")
        cls.suspend = cls.env.ref("kefu_credit.kefu_credit_measure_suspend")
        cls.guarantor = cls.env.ref("kefu_credit.kefu_credit_measure_guarantor")
        cls.Report = cls.env["kefu.credit.emergency.report"]

    def raise_report(self, **vals):
        return self.Report.with_user(self.employee).create(
            {
                "partner_id": self.customer.id,
                "superior_id": self.marketing.id,
                "description": "The customer's main plant was sealed by the court.",
                **vals,
            }
        )

    def make_delivery(self):
        picking_type = self.env["stock.picking.type"].search(
            [("code", "=", "outgoing"), ("company_id", "=", self.company.id)], limit=1
        )
        picking = self.env["stock.picking"].create(
            {
                "partner_id": self.customer.id,
                "picking_type_id": picking_type.id,
                "location_id": picking_type.default_location_src_id.id,
                "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Steel",
                            "product_id": self.product.id,
                            "product_uom_qty": 1,
                            "product_uom": self.product.uom_id.id,
                            "location_id": picking_type.default_location_src_id.id,
                            "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                        },
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.move_ids.write({"quantity": 1, "picked": True})
        return picking

    def test_report_decision_suspension_and_lift(self):
        report = self.raise_report()
        # The superior is told at once.
        self.assertEqual(report.activity_ids.user_id, self.marketing)
        self.assertIn(self.marketing.partner_id, report.message_partner_ids)
        self.assertFalse(self.customer.kefu_credit_suspended)
        # Only the superior decides; no measure takes effect before.
        with self.assertRaises(AccessError):
            report.with_user(self.employee).write({"measure_ids": [(6, 0, self.suspend.ids)]})
        with self.assertRaises(AccessError):
            report.with_user(self.employee).action_decide(self.suspend)
        report.with_user(self.marketing).write({"measure_ids": [(6, 0, self.suspend.ids)]})
        self.assertFalse(self.customer.kefu_credit_suspended)
        order = self.make_order(self.customer, 10.0)
        delivery = self.make_delivery()
        report.with_user(self.marketing).action_decide()
        self.assertEqual(report.state, "decided")
        self.assertTrue(self.customer.kefu_credit_suspended)
        with self.assertRaisesRegex(UserError, "suspended"):
            order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "draft")
        with self.assertRaisesRegex(UserError, "suspended"):
            delivery.button_validate()
        self.assertNotEqual(delivery.state, "done")
        report.with_user(self.marketing).action_lift()
        self.assertFalse(self.customer.kefu_credit_suspended)
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")
        delivery.button_validate()
        self.assertEqual(delivery.state, "done")

    def test_no_suspension_without_a_decision(self):
        report = self.raise_report()
        with self.assertRaises(UserError):
            report.with_user(self.employee).write({"state": "decided"})
        with self.assertRaises(UserError):
            report.with_user(self.marketing).action_decide()
        self.assertEqual(report.state, "reported")
        self.assertFalse(self.customer.kefu_credit_suspended)
        with self.assertRaises(UserError):
            self.Report.with_user(self.employee).create(
                {
                    "partner_id": self.customer.id,
                    "superior_id": self.marketing.id,
                    "description": "x",
                    "measure_ids": [(6, 0, self.suspend.ids)],
                }
            )
        # Measures other than suspension do not block supply.
        report.with_user(self.marketing).action_decide(self.guarantor)
        self.assertFalse(self.customer.kefu_credit_suspended)

    def test_dishonoured_cheque_triggers_a_report(self):
        with self.assertRaises(ValidationError):
            self.raise_report(trigger="cheque")
        report = self.raise_report(
            trigger="cheque", cheque_number="CHQ-0001", cheque_amount=5000.0, notify_customer=True
        )
        report.with_user(self.general_manager).action_decide(self.suspend)
        self.assertTrue(self.customer.kefu_credit_suspended)
        self.assertTrue(
            self.customer.message_ids.filtered(lambda m: "suspended until further notice" in m.body)
        )

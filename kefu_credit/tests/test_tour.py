from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "kefu", "kefu_credit", "kefu_tour")
class TestCreditTour(HttpCase):
    def test_over_limit_order_approval_confirmation_in_the_browser(self):
        self.env.ref("kefu_credit.kefu_credit_policy_b").fixed_limit = 1000.0
        customer = self.env["res.partner"].create(
            {
                "name": "Ningbo Harbour Logistics",
                "is_company": True,
                "kefu_credit_tier": "B",
                "kefu_credit_tier_reason": "First investigation",
            }
        )
        product = self.env["product.product"].create(
            {"name": "Steel beam", "list_price": 1500.0, "taxes_id": [fields.Command.clear()]}
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "order_line": [
                    fields.Command.create(
                        {
                            "product_id": product.id,
                            "price_unit": 1500.0,
                            "tax_id": [fields.Command.clear()],
                        }
                    )
                ],
            }
        )
        salesman = new_test_user(
            self.env, "t_tour_sales", groups="sales_team.group_sale_salesman", lang="en_US"
        )
        marketing = new_test_user(
            self.env, "t_tour_marketing", groups="kefu_credit.group_kefu_marketing_manager"
        )
        order.user_id = salesman
        url = f"/odoo/sale.order/{order.id}"
        self.start_tour(url, "kefu_credit_overlimit_tour", login=salesman.login)
        approval = order.kefu_overlimit_approval_ids
        self.assertEqual(approval.amount, 500.0)
        self.assertEqual(approval.requested_by_id, salesman)
        self.assertEqual(approval.validation_status, "pending")
        # CRD-3: the Marketing Manager approves, never the requester.
        approval.with_user(marketing).validate_tier()
        self.assertEqual(approval.state, "approved")
        self.start_tour(url, "kefu_credit_overlimit_confirm_tour", login=salesman.login)
        self.assertEqual(order.state, "sale")
        self.assertIn(approval, customer.kefu_credit_overlimit_approval_ids)

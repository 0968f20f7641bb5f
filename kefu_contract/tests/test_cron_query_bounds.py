"""Issue 17: the per-record query cost of kefu_contract's scheduled jobs
(``kefu_management/tests/common.py``)."""

from datetime import date, datetime, timedelta

from odoo import Command
from odoo.tests import tagged

from odoo.addons.kefu_management.tests.common import CronBoundsMixin

from .common import KefuContractCase


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestContractCronQueryBounds(CronBoundsMixin, KefuContractCase):
    NOW = datetime(2027, 3, 10, 4, 0)  # Wednesday 12:00 in Shanghai
    LATER = datetime(2027, 3, 10, 6, 0)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context={})
        cls.Contract = cls.env["kefu.contract"]

    @staticmethod
    def is_urge(activity):
        return activity.date_deadline == date(2027, 3, 10) and activity.automated

    def contracts(self, count, **vals):
        return self.Contract.sudo().browse(
            [self.make_contract(title=f"Parts {i}", **vals).id for i in range(count)]
        )

    def test_late_custody_costs_at_most_five_queries_per_contract(self):
        def make(count):
            contracts = self.contracts(count)
            contracts._kefu_protected_write(
                {"state": "signed", "custody_due": self.NOW - timedelta(hours=1)}
            )
            return contracts

        self.assertBounded(
            make,
            lambda: self.as_cron("kefu.contract")._cron_flag_late_custody(),
            lambda contracts: all(contracts.mapped("custody_late")),
        )

    def test_late_delivery_costs_at_most_five_queries_per_contract(self):
        product = self.env["product.product"].create(
            {"name": "Bearing housing", "type": "consu", "list_price": 10.0}
        )

        def make(count):
            orders = (
                self.env["sale.order"]
                .with_context(bypass_risk=True)
                .create(
                    [
                        {
                            "partner_id": self.customer.id,
                            "user_id": self.salesman.id,
                            "order_line": [
                                Command.create(
                                    {
                                        "product_id": product.id,
                                        "product_uom_qty": 5,
                                        "price_unit": 10,
                                    }
                                )
                            ],
                        }
                        for _i in range(count)
                    ]
                )
            )
            orders.action_confirm()
            contracts = self.Contract.sudo().browse(
                [
                    self.make_contract(
                        title=f"Parts {order.name}",
                        delivery_date_start=date(2027, 2, 1),
                        delivery_date_end=date(2027, 3, 1),
                        sale_order_ids=[order.id],
                    ).id
                    for order in orders
                ]
            )
            contracts._kefu_protected_write({"state": "signed"})
            return contracts

        self.assertBounded(
            make,
            lambda: self.as_cron("kefu.contract", activities=True)._cron_flag_late_delivery(),
            lambda contracts: (
                all(contracts.mapped("delivery_flagged_on"))
                and all(len(c.activity_ids.filtered(self.is_urge)) == 1 for c in contracts)
            ),
        )

    def test_overdue_returns_cost_at_most_five_queries_per_retrieval(self):
        Retrieval = self.env["kefu.contract.retrieval"]

        def make(count):
            contracts = self.contracts(count)
            contracts._kefu_protected_write({"state": "custody"})
            retrievals = Retrieval.sudo().create(
                [
                    {
                        "contract_id": contract.id,
                        "purpose": "Customer audit",
                        "requested_by_id": self.salesman.id,
                        "date_return_due": self.NOW + timedelta(hours=1),
                    }
                    for contract in contracts
                ]
            )
            retrievals._kefu_protected_write({"state": "out"})
            return retrievals

        self.assertBounded(
            make,
            lambda: self.as_cron(
                "kefu.contract.retrieval", activities=True
            )._cron_flag_overdue_returns(),
            lambda retrievals: (
                set(retrievals.mapped("state")) == {"overdue"}
                and all(len(r.activity_ids) == 1 for r in retrievals)
            ),
        )

    def reviews(self, count, field):
        contracts = self.contracts(count)
        for contract in contracts:
            contract.with_user(self.salesman).action_submit()
        reviews = contracts.sudo().review_ids
        reviews.write({field: self.NOW - timedelta(hours=1)})
        return reviews

    def test_review_reminders_cost_at_most_five_queries_per_review(self):
        self.assertBounded(
            lambda count: self.reviews(count, "kefu_remind_at"),
            lambda: self.as_cron("kefu.contract")._cron_remind_reviews(),
            lambda reviews: all(reviews.mapped("kefu_reminded")),
        )

    def test_overdue_reviews_cost_at_most_five_queries_per_review(self):
        self.assertBounded(
            lambda count: self.reviews(count, "kefu_deadline"),
            lambda: self.as_cron("kefu.contract")._cron_flag_overdue_reviews(),
            lambda reviews: (
                all(reviews.mapped("kefu_overdue"))
                and all(self.Contract.browse(reviews.mapped("res_id")).mapped("review_overdue"))
            ),
        )

"""Issue 17: the per-record query cost of kefu_credit's scheduled jobs
(``kefu_management/tests/common.py``)."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.kefu_management.tests.common import CronBoundsMixin

from .common import KefuCreditCase


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestCreditCronQueryBounds(CronBoundsMixin, KefuCreditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Customers of the demo data are not due during these tests.
        cls.env["res.partner"].search([("kefu_credit_tier", "!=", False)]).write(
            {"kefu_credit_review_date": "2099-01-01"}
        )
        cls.env = cls.env(context={})

    def customers(self, count, tier, on):
        with freeze_time(on):
            partners = self.env["res.partner"].create(
                [
                    {"name": f"Bounds {i} Co.", "is_company": True, "user_id": self.salesman.id}
                    for i in range(count)
                ]
            )
            for partner in partners:
                self.set_tier(partner, tier)
        return partners

    def test_periodic_investigations_cost_at_most_five_queries_per_customer(self):
        Investigation = self.env["kefu.credit.investigation"]

        def handled(partners):
            opened = Investigation.search(
                [("partner_id", "in", partners.ids), ("kind", "=", "periodic")]
            )
            return opened.partner_id == partners and len(opened) == len(partners)

        self.assertBounded(
            lambda count: self.customers(count, "C", datetime(2026, 1, 5, 2, 0)),
            lambda: self.as_cron(
                "kefu.credit.investigation", activities=True
            )._cron_open_periodic(),
            handled,
            at=datetime(2026, 2, 5, 2, 0),
        )

    def test_credit_relaxation_costs_at_most_five_queries_per_customer(self):
        self.assertBounded(
            lambda count: self.customers(count, "B", datetime(2026, 1, 10, 2, 0)),
            lambda: self.as_cron("res.partner")._cron_kefu_relax_credit_limits(),
            lambda partners: (
                set(partners.mapped("kefu_credit_relax_date")) == {date(2026, 7, 11)}
                and set(partners.sudo().mapped("credit_limit")) == {60000.0}
            ),
            at=datetime(2026, 7, 11, 2, 0),
        )

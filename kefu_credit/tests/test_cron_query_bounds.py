"""Issue 17: the per-record query cost of kefu_credit's scheduled jobs.

Each cron runs as ``ir.cron`` runs it (no context, one batch through
``kefu.cron.batch``) on N and then 2N due customers after a warm-up run; the
marginal cost ``(q(2N) - q(N)) / N`` is at most ``MAX_PER_RECORD`` queries. Each
run handles all the due customers, and a second run finds nothing to do.
The jobs that assign activities keep Odoo's assignment mail of each activity
(``mail.activity.action_notify``, about 13 queries each, asserted in
test_cron_language); it is left out of their count (``as_cron(activities=True)``).
"""

import logging
from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import KefuCreditCase

_logger = logging.getLogger(__name__)

MAX_PER_RECORD = 5
N = 10


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestCreditCronQueryBounds(KefuCreditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Customers of the demo data are not due during these tests.
        cls.env["res.partner"].search([("kefu_credit_tier", "!=", False)]).write(
            {"kefu_credit_review_date": "2099-01-01"}
        )
        cls.env = cls.env(context={})

    def as_cron(self, model_name, activities=False):
        """The model as ``ir.cron`` runs it. ``activities``: the job assigns
        activities, and Odoo's own assignment mail of each activity
        (``mail.activity.action_notify``, about 13 queries, kept) is left out of
        the count."""
        context = {"mail_activity_quick_update": True} if activities else {}
        return self.env(context=context)[model_name]

    def count(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        result = func()
        self.env.flush_all()
        return self.cr.sql_log_count - before, result

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

    def assertBounded(self, make, run, handled, at):
        with freeze_time(at):
            warm = make(2)
            run()
            self.assertTrue(handled(warm))
            first = make(N)
            single, _ = self.count(run)
            self.assertTrue(handled(first), "lost work at N")
            second = make(2 * N)
            double, _ = self.count(run)
            self.assertTrue(handled(second), "lost work at 2N")
            _, again = self.count(run)
            self.assertFalse(again, "a second run found work again")
        per_record = (double - single) / (len(second) - len(first))
        _logger.info(
            "%s: %.1f queries per record (%s, %s)",
            self._testMethodName,
            per_record,
            single,
            double,
        )
        self.assertLessEqual(per_record, MAX_PER_RECORD, (single, double))

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

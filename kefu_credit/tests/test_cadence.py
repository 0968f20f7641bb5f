from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import KefuCreditCase


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestCadence(KefuCreditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Customers of the demo data are not due during these tests.
        cls.env["res.partner"].search([("kefu_credit_tier", "!=", False)]).write(
            {"kefu_credit_review_date": "2099-01-01"}
        )
        cls.partners = {}
        with freeze_time("2026-01-05"):
            for tier in "ABCD":
                partner = cls.env["res.partner"].create(
                    {
                        "name": f"Tier {tier} customer",
                        "is_company": True,
                        "user_id": cls.salesman.id,
                    }
                )
                cls.set_tier(partner, tier)
                cls.partners[tier] = partner
        cls.Investigation = cls.env["kefu.credit.investigation"]

    def periodic(self, tier):
        return self.Investigation.search(
            [("partner_id", "=", self.partners[tier].id), ("kind", "=", "periodic")]
        )

    def run_cron_twice(self):
        self.Investigation._cron_open_periodic()
        self.Investigation._cron_open_periodic()

    def test_each_tier_is_investigated_at_its_interval(self):
        with freeze_time("2026-02-04"):
            self.run_cron_twice()
            self.assertFalse(self.periodic("C") | self.periodic("D"))
        with freeze_time("2026-02-05"):
            self.run_cron_twice()
            self.assertEqual(len(self.periodic("C")), 1)
            self.assertEqual(len(self.periodic("D")), 1)
            self.assertFalse(self.periodic("A") | self.periodic("B"))
            # An activity for the responsible sales person, due in working days.
            activity = self.periodic("C").activity_ids
            self.assertEqual(activity.user_id, self.salesman)
            self.assertGreater(activity.date_deadline, date(2026, 2, 5))
        with freeze_time("2026-04-05"):
            self.run_cron_twice()
            self.assertEqual(len(self.periodic("B")), 1)
            self.assertFalse(self.periodic("A"))
            # Still one open investigation for C: no duplicates while open.
            self.assertEqual(len(self.periodic("C")), 1)
        with freeze_time("2026-07-05"):
            self.run_cron_twice()
            self.assertEqual(len(self.periodic("A")), 1)

    def test_approved_investigation_restarts_the_interval_and_overdue_is_filterable(self):
        with freeze_time("2026-02-05"):
            self.run_cron_twice()
        investigation = self.periodic("D")
        with freeze_time("2026-02-20"):
            overdue = self.Investigation.search([("is_overdue", "=", True)])
            self.assertIn(investigation, overdue)
            investigation.write(
                {
                    "channel": "internal",
                    "section_payment": "Paid the last three orders in advance.",
                }
            )
            investigation.action_submit()
            investigation.write({"finance_evaluation": "No change.", "proposed_tier": "D"})
            investigation.with_user(self.finance).action_request_approval()
            investigation.with_user(self.controller).validate_tier()
            self.assertEqual(investigation.state, "done")
            self.assertEqual(self.partners["D"].kefu_credit_review_date, date(2026, 2, 20))
            self.assertNotIn(investigation, self.Investigation.search([("is_overdue", "=", True)]))
        with freeze_time("2026-03-19"):
            self.run_cron_twice()
            self.assertEqual(len(self.periodic("D")), 1)
        with freeze_time("2026-03-20"):
            self.run_cron_twice()
            self.assertEqual(len(self.periodic("D")), 2)

    def test_batches(self):
        with freeze_time("2026-12-31"):
            self.assertEqual(self.Investigation._cron_open_periodic(batch_size=3), 3)
            self.assertEqual(self.Investigation._cron_open_periodic(batch_size=3), 1)
            self.assertEqual(self.Investigation._cron_open_periodic(batch_size=3), 0)

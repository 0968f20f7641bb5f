"""CRD-6 / issue 17: one open periodic investigation per customer, whoever opened
it and whenever, without the job losing its batch."""

from freezegun import freeze_time

from odoo import sql_db
from odoo.tests import tagged

from .common import KefuCreditCase


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestInvestigationPeriodicOnce(KefuCreditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        # Customers of the demo data are not due during these tests.
        Partner.search([("kefu_credit_tier", "!=", False)]).write(
            {"kefu_credit_review_date": "2099-01-01"}
        )
        with freeze_time("2026-01-05"):
            cls.due = Partner.create(
                [
                    {"name": f"Periodic {i} Co.", "is_company": True, "user_id": cls.salesman.id}
                    for i in range(2)
                ]
            )
            # A committed customer (demo data): another connection can open its
            # investigation.
            cls.elsewhere = Partner.search(
                [("is_company", "=", True), ("kefu_credit_tier", "=", False)], limit=1
            )
            for partner in cls.due | cls.elsewhere:
                cls.set_tier(partner, "D")
        cls.Investigation = cls.env["kefu.credit.investigation"]

    def periodic(self, partners):
        return self.Investigation.search(
            [("partner_id", "in", partners.ids), ("kind", "=", "periodic")]
        )

    def run_cron(self):
        """One run as ``ir.cron`` runs it: (opened, done, remaining)."""
        cron = self.env.ref("kefu_credit.ir_cron_kefu_credit_periodic_investigation")
        progress = self.env["ir.cron.progress"].create({"cron_id": cron.id})
        opened = self.Investigation.with_context(
            ir_cron_progress_id=progress.id
        )._cron_open_periodic()
        return opened, progress.done, progress.remaining

    def open_elsewhere(self, partner):
        """Another user's transaction opens and commits a periodic investigation of
        ``partner`` after this one's snapshot; deleted afterwards."""
        other = sql_db.db_connect(self.env.cr.dbname).cursor()
        self.addCleanup(other.close)
        other.execute("SET lock_timeout = '5s'")
        other.execute(
            """INSERT INTO kefu_credit_investigation
                   (name, partner_id, company_id, kind, state, date_request)
               VALUES ('Opened elsewhere', %s, %s, 'periodic', 'draft', CURRENT_DATE)
               RETURNING id""",
            [partner.id, self.env.company.id],
        )
        (investigation_id,) = other.fetchone()
        other.commit()

        def delete():
            other.rollback()
            other.execute("DELETE FROM kefu_credit_investigation WHERE id = %s", [investigation_id])
            other.commit()

        self.addCleanup(delete)

    def test_second_run_opens_no_second_investigation(self):
        with freeze_time("2026-02-05"):
            self.assertEqual(self.run_cron(), (3, 3, 0))
            self.assertEqual(self.run_cron(), (0, 0, 0))
        investigations = self.periodic(self.due | self.elsewhere)
        self.assertEqual(investigations.partner_id, self.due | self.elsewhere)
        self.assertEqual(len(investigations), 3)

    def test_customer_given_one_meanwhile_gets_no_second_one(self):
        # This transaction's snapshot is older than the other one's commit: it
        # still sees the customer without an open periodic investigation.
        self.assertFalse(self.periodic(self.elsewhere))
        self.open_elsewhere(self.elsewhere)
        with freeze_time("2026-02-05"):
            opened, done, remaining = self.run_cron()
        # The job keeps its batch: the other customers get theirs.
        self.assertEqual((opened, done), (2, 2))
        self.assertEqual(self.periodic(self.due).partner_id, self.due)
        self.assertFalse(self.periodic(self.elsewhere), "a second open investigation")
        # Counted as remaining: the next run, with a fresh snapshot, sees it.
        self.assertEqual(remaining, 1)
        # The transaction goes on.
        self.assertEqual(len(self.Investigation.search([("partner_id", "in", self.due.ids)])), 2)

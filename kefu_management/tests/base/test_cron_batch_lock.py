"""Issue 17: ``kefu.cron.batch`` locks what it can and leaves the rest for the
next run, against a second real connection (the load test's two workers)."""

from odoo import sql_db
from odoo.tests import TransactionCase, tagged

DONE = "kefu-cron-batch-lock-done"


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestCronBatchLock(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Batch = cls.env["kefu.cron.batch"]
        # Committed rows (demo data), which the other connection sees too. The
        # class shares one transaction: each test takes its own three, since a
        # row restored by another test's cleanup changed after that snapshot.
        cls.companies = cls.env["res.partner"].search(
            [("is_company", "=", True)], limit=15, order="id"
        )
        assert len(cls.companies) == 15, "the demo data has companies"
        cls.slots = []

    def setUp(self):
        super().setUp()
        index = len(self.slots)
        self.slots.append(self._testMethodName)
        self.partners = self.companies[3 * index : 3 * index + 3]
        # Read: this transaction has its snapshot before the other one commits.
        self.partners.mapped("write_date")

    def other_connection(self):
        """A second worker's cursor, outside this test's transaction."""
        cr = sql_db.db_connect(self.env.cr.dbname).cursor()
        self.addCleanup(cr.close)
        cr.execute("SET lock_timeout = '5s'")
        return cr

    def change_elsewhere(self, partner):
        """Commit a change of ``partner`` after this transaction's snapshot; undone
        afterwards by the same connection."""
        other = self.other_connection()
        other.execute("SELECT write_date FROM res_partner WHERE id = %s", [partner.id])
        (write_date,) = other.fetchone()
        other.execute(
            "UPDATE res_partner SET write_date = now() AT TIME ZONE 'UTC' WHERE id = %s",
            [partner.id],
        )
        other.commit()

        def restore():
            other.rollback()
            other.execute(
                "UPDATE res_partner SET write_date = %s WHERE id = %s", [write_date, partner.id]
            )
            other.commit()

        self.addCleanup(restore)

    def hold_elsewhere(self, partner):
        """Lock ``partner`` in another open transaction (rolled back afterwards)."""
        other = self.other_connection()
        other.execute("SELECT id FROM res_partner WHERE id = %s FOR UPDATE", [partner.id])
        self.addCleanup(other.rollback)

    def assertUsable(self):
        """This transaction goes on: it reads and writes."""
        self.partners[1].ref = "still usable"
        self.env.flush_all()
        self.assertEqual(self.env["res.partner"].search_count([("id", "in", self.partners.ids)]), 3)

    def test_row_changed_since_the_snapshot_is_skipped_not_fatal(self):
        changed = self.partners[0]
        self.change_elsewhere(changed)
        locked = self.Batch.lock(self.partners)
        self.assertEqual(locked, self.partners - changed)
        self.assertUsable()

    def test_row_held_by_another_transaction_is_skipped(self):
        held = self.partners[2]
        self.hold_elsewhere(held)
        self.assertEqual(self.Batch.lock(self.partners), self.partners - held)
        self.assertUsable()

    def test_changed_and_held_rows_are_both_skipped(self):
        changed, kept, held = self.partners
        self.change_elsewhere(changed)
        self.hold_elsewhere(held)
        self.assertEqual(self.Batch.lock(self.partners), kept)
        self.assertUsable()

    def test_locked_rows_still_take_new_references(self):
        # A handover line, a message or a contact log referencing a record in a
        # running batch: their foreign key check takes KEY SHARE, not blocked.
        locked = self.Batch.lock(self.partners)
        self.assertEqual(locked, self.partners)
        other = self.other_connection()
        other.execute(
            "SELECT id FROM res_partner WHERE id IN %s FOR KEY SHARE NOWAIT",
            [tuple(locked.ids)],
        )
        self.assertEqual(len(other.fetchall()), 3)
        # ... while a second batch skips them.
        other.execute(
            "SELECT id FROM res_partner WHERE id IN %s FOR NO KEY UPDATE SKIP LOCKED",
            [tuple(locked.ids)],
        )
        self.assertFalse(other.fetchall())

    def test_skipped_rows_count_as_remaining_so_the_cron_comes_back(self):
        changed, done, held = self.partners
        self.change_elsewhere(changed)
        self.hold_elsewhere(held)
        cron = self.env["ir.cron"].search([], limit=1)
        progress = self.env["ir.cron.progress"].create({"cron_id": cron.id})
        domain = [("id", "in", self.partners.ids), ("ref", "!=", DONE)]

        def callback(batch):
            batch.ref = DONE

        batch = self.Batch.with_context(ir_cron_progress_id=progress.id).run(
            "res.partner", domain, callback, batch_size=10
        )
        self.assertEqual(batch, done)
        self.assertEqual((progress.done, progress.remaining), (1, 2))
        _batch, more = self.Batch.take("res.partner", domain, batch_size=10)
        self.assertTrue(more, "rows it could not lock remain")

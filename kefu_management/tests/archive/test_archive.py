from datetime import date, timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import KefuArchiveCase


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestArchive(KefuArchiveCase):
    def test_one_archive_per_customer(self):
        partner = self.archives["none"].partner_id
        with self.assertRaises(IntegrityError), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            self.Archive.create({"partner_id": partner.id})

    def test_contacts_have_no_archive_of_their_own(self):
        contact = self.env["res.partner"].create(
            {"name": "Contact", "parent_id": self.archives["none"].partner_id.id}
        )
        with self.assertRaises(ValidationError):
            self.Archive.create({"partner_id": contact.id})

    def test_classification_needs_a_period_that_ends_after_it_starts(self):
        archive = self.archives["none"]
        with self.assertRaises(ValidationError):
            archive.write({"secrecy_level": "secret"})
        with self.assertRaises(ValidationError):
            archive.write(
                {
                    "secrecy_level": "secret",
                    "classified_on": date(2026, 5, 1),
                    "secrecy_end": date(2026, 4, 1),
                }
            )
        self.assertEqual(archive.secrecy_level, "none")

    def test_classification_is_stamped_and_tracked_in_the_chatter(self):
        env = self.env(
            context={k: v for k, v in self.env.context.items() if k != "tracking_disable"}
        )
        partner = env["res.partner"].create({"name": "Tracked Co.", "is_company": True})
        archive = env["kefu.archive"].create({"partner_id": partner.id})
        self.env.flush_all()
        self.env.cr.precommit.run()
        archive.write({"secrecy_level": "secret", "secrecy_end": date.today() + timedelta(days=30)})
        self.assertEqual(archive.classified_by_id, self.env.user)
        self.assertEqual(archive.classified_on, date.today())
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "kefu.archive"),
                ("mail_message_id.res_id", "=", archive.id),
                ("field_id.name", "=", "secrecy_level"),
            ]
        )
        self.assertTrue(tracked, "level changes are tracked in the chatter")

    def test_archives_cannot_be_deleted_directly(self):
        for user in (self.env.user, self.general_manager):
            with self.assertRaises(UserError):
                self.archives["secret"].with_user(user).unlink()
        self.assertTrue(self.archives["secret"].exists())

    def test_declassification_cron_is_batched_and_idempotent(self):
        secret, confidential = self.archives["secret"], self.archives["confidential"]
        secret.secrecy_end = date.today() + timedelta(days=5)
        later = date.today() + timedelta(days=6)
        with freeze_time(later):
            # English: the note asserted is the source text (the cron itself writes
            # in the company's language, see base/test_cron_language.py).
            self.Archive = self.Archive.with_context(lang="en_US")
            done = self.Archive._cron_declassify(batch_size=1)
            self.assertEqual(done, secret)
            self.assertEqual(secret.secrecy_level, "none")
            self.assertEqual(confidential.secrecy_level, "confidential")
            self.assertIn("declassified", secret.message_ids[0].body)
            count = len(secret.message_ids)
            self.assertFalse(self.Archive._cron_declassify())
            self.assertEqual(len(secret.message_ids), count)

    def test_opening_a_classified_archive_is_logged_and_the_log_is_read_only(self):
        Log = self.env["kefu.archive.access.log"]
        self.archives["secret"].with_user(self.agent).web_read({"org_structure": {}})
        self.archives["none"].with_user(self.agent).web_read({"org_structure": {}})
        logs = Log.search([("user_id", "=", self.agent.id)])
        self.assertEqual(logs.archive_id, self.archives["secret"])
        self.assertEqual(logs.secrecy_level, "secret")
        with self.assertRaises(UserError):
            logs.write({"user_id": self.manager.id})
        with self.assertRaises(UserError):
            logs.unlink()
        self.assertEqual(Log.with_user(self.manager).search([("id", "=", logs.id)]), logs)
        with self.assertRaises(AccessError):
            Log.with_user(self.agent).search([])

    def test_re_verification_records_who_and_when_and_the_cron_reminds_once(self):
        archive = self.archives["none"]
        archive.agent_id = self.agent
        with freeze_time(date.today() + timedelta(days=200)):
            self.Archive._cron_reverify()
            self.Archive._cron_reverify()
            activity_type = self.env.ref("kefu_management.mail_activity_kefu_reverify")
            reminders = archive.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
            self.assertEqual(len(reminders), 1)
            self.assertEqual(reminders.user_id, self.agent)
            self.assertTrue(archive.verification_overdue)
            self.assertIn(archive, self.Archive.search([("verification_overdue", "=", True)]))
            archive.with_user(self.agent).action_mark_verified()
            self.assertEqual(archive.verified_by_id, self.agent)
            self.assertFalse(archive.verification_overdue)
            self.assertFalse(
                archive.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
            )

    @freeze_time("2026-11-20 07:00:00")  # Friday 15:00 in Shanghai
    def test_first_contact_due_one_working_week_after_allocation(self):
        self.add_makeup(date(2026, 11, 22))  # a Sunday worked
        self.archives["none"].agent_id = self.agent
        # 5 working days of 8 h from Friday 15:00: Sun, Mon, Tue, Wed, Thu -> Thu 15:00
        self.assertEqual(self.archives["none"].first_contact_due, self.local(2026, 11, 26, 15, 0))
        activity = self.archives["none"].activity_ids.filtered(lambda a: a.user_id == self.agent)
        self.assertEqual(activity.date_deadline, date(2026, 11, 26))

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import KefuArchiveCase


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestArchiveReverify(KefuArchiveCase):
    """ARC-5: the next re-verification lands on a working day and follows the setting."""

    def set_interval(self, days):
        self.env["res.config.settings"].create({"kefu_arc_reverify_days": days}).execute()

    def test_next_verification_is_a_working_day_and_follows_the_setting(self):
        self.set_interval(90)
        archive = self.archives["none"]
        self.add_holiday(date(2027, 4, 5), date(2027, 4, 5), "Qingming")
        # Monday 2027-01-04 07:30 in Shanghai is still Sunday in UTC.
        with freeze_time(self.local(2027, 1, 4, 7, 30)):
            archive.with_user(self.agent).action_mark_verified()
        # 90 days after the 4th: Sunday 2027-04-04; Monday is a holiday: Tuesday.
        self.assertEqual(archive.next_verification_on, date(2027, 4, 6))
        with freeze_time("2027-02-04 02:00:00"):
            self.assertFalse(archive.verification_overdue)
        # 90 -> 30: the stored date moves to Wednesday 2027-02-03 ...
        self.set_interval(30)
        self.assertEqual(archive.next_verification_on, date(2027, 2, 3))
        with freeze_time("2027-02-04 02:00:00"):
            self.assertTrue(archive.verification_overdue)
            self.assertIn(archive, self.Archive.search([("verification_overdue", "=", True)]))
        # ... and back with 30 -> 90.
        self.set_interval(90)
        self.assertEqual(archive.next_verification_on, date(2027, 4, 6))
        with freeze_time("2027-02-04 02:00:00"):
            self.assertNotIn(archive, self.Archive.search([("verification_overdue", "=", True)]))

    def test_a_weekend_due_date_moves_to_the_next_working_day(self):
        self.set_interval(30)
        archive = self.archives["secret"]
        # Friday 2027-03-05, 10:00 in Shanghai: 30 days later is Sunday 2027-04-04.
        with freeze_time(self.local(2027, 3, 5, 10, 0)):
            archive.with_user(self.agent).action_mark_verified()
        self.assertEqual(archive.next_verification_on, date(2027, 4, 5))
        self.assertEqual(archive.verified_on, self.local(2027, 3, 5, 10, 0))

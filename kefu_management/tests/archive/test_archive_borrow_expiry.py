from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import KefuArchiveCase

NOW = datetime(2026, 11, 2, 9, 0, 0)
DUE = NOW + timedelta(hours=2)


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestArchiveBorrowExpiry(KefuArchiveCase):
    """A card is granted by its last signature and shows its end at the due time."""

    def _signed_card(self):
        card = (
            self.env["kefu.archive.borrow"]
            .with_user(self.sales_manager)
            .create(
                {
                    "partner_id": self.archives["top_secret"].partner_id.id,
                    "approver_id": self.general_manager.id,
                    "purpose": "Audit",
                    "date_due": DUE,
                }
            )
        )
        card.request_validation()
        card.with_user(self.general_manager).validate_tier()
        self.assertEqual(card.state, "draft")
        card.with_user(self.manager).validate_tier()
        return card

    @freeze_time(NOW)
    def test_last_signature_grants_the_card(self):
        card = self._signed_card()
        self.assertEqual(card.state, "granted")
        self.assertEqual(card.granted_by_id, self.manager)
        self.assertEqual(card.granted_on, NOW)
        # The former Grant button does no harm on a granted card.
        card.with_user(self.manager).action_grant()
        self.assertEqual(card.state, "granted")
        archive = self.archives["top_secret"].with_user(self.sales_manager)
        self.assertTrue(archive.read(["partner_id"]))

    def test_expired_at_the_due_time_without_the_cron(self):
        with freeze_time(NOW):
            card = self._signed_card()
            self.assertFalse(card.is_expired)
        Card = self.env["kefu.archive.borrow"]
        with freeze_time(DUE + timedelta(minutes=1)):
            card.invalidate_recordset(["is_expired"])
            self.assertEqual(card.state, "granted")  # the cron has not run
            self.assertTrue(card.is_expired)
            self.assertEqual(Card.search([("is_expired", "=", True), ("id", "=", card.id)]), card)
            self.assertFalse(Card.search([("is_expired", "=", False), ("id", "=", card.id)]))

    def test_closed_archive_explains_the_expired_card(self):
        with freeze_time(NOW):
            card = self._signed_card()
        archive = self.archives["top_secret"]
        with freeze_time(DUE + timedelta(minutes=1)):
            for lang, words in (("en_US", "expired"), ("zh_CN", "借阅卡")):
                self.env["res.lang"]._activate_lang(lang)
                borrower = self.sales_manager
                borrower.lang = lang
                with self.assertRaises(AccessError) as error:
                    archive.with_user(borrower).with_context(lang=lang).read(["partner_id"])
                message = error.exception.args[0]
                self.assertIn(words, message)
                self.assertIn(card.name, message)
                self.assertNotIn("Uh-oh", message)
                self.env.invalidate_all()

    def test_someone_without_a_card_gets_the_usual_error(self):
        with self.assertRaises(AccessError) as error:
            self.archives["top_secret"].with_user(self.sales_manager).read(["partner_id"])
        self.assertNotIn("borrowing card", error.exception.args[0])

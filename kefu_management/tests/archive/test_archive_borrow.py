from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import KefuArchiveCase


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestArchiveBorrow(KefuArchiveCase):
    def _card(self, user=None, **vals):
        return (
            self.env["kefu.archive.borrow"]
            .with_user(user or self.sales_manager)
            .create(
                {
                    "partner_id": self.archives["top_secret"].partner_id.id,
                    "approver_id": self.general_manager.id,
                    "purpose": "Audit",
                    "date_due": fields.Datetime.now() + timedelta(days=1),
                    **vals,
                }
            )
        )

    def test_approval_in_order_then_grant_records_who_and_when(self):
        card = self._card()
        card.request_validation()
        with self.assertRaises(UserError):
            card.with_user(self.manager).action_grant()
        card.with_user(self.general_manager).validate_tier()
        card.with_user(self.manager).validate_tier()
        reviews = card.review_ids.sorted("sequence")
        self.assertEqual(reviews.mapped("done_by"), self.general_manager | self.manager)
        self.assertTrue(all(reviews.mapped("reviewed_date")))
        with self.assertRaises(UserError):
            card.with_user(self.sales_manager).action_grant()  # only CS grants
        card.with_user(self.manager).action_grant()
        self.assertEqual(card.state, "granted")
        self.assertEqual(card.granted_by_id, self.manager)

    def test_bad_requests_are_refused_and_nothing_is_written(self):
        Card = self.env["kefu.archive.borrow"]
        before = Card.search_count([])
        with self.assertRaises(UserError):
            self._card(user=self.salesman)  # not a manager
        with self.assertRaises(ValidationError):
            self._card(date_due=fields.Datetime.now() - timedelta(hours=1))
        with self.assertRaises(ValidationError):
            self._card(approver_id=self.sales_manager.id)  # approving one's own card
        with self.assertRaises(ValidationError):
            self._card(user=self.manager, partner_id=self.archives["secret"].partner_id.id)
        self.assertEqual(Card.search_count([]), before)

    def test_cs_manager_cannot_approve_own_card(self):
        card = self._card(user=self.manager)
        card.request_validation()
        card.with_user(self.general_manager).validate_tier()
        with self.assertRaises(UserError):
            card.with_user(self.manager).validate_tier()

    def test_overdue_cron_flags_once_and_notifies_borrower_and_cs(self):
        due = datetime.now().replace(microsecond=0) + timedelta(hours=2)
        card = self.grant_card(self.archives["top_secret"], due=due)
        with freeze_time(due + timedelta(minutes=1)):
            Card = self.env["kefu.archive.borrow"].with_context(lang="en_US")
            self.assertEqual(Card._cron_flag_overdue(), card)
            self.assertFalse(Card._cron_flag_overdue())
        self.assertEqual(card.state, "overdue")
        note = card.message_ids[0]
        self.assertIn("past due", note.body)
        self.assertIn(self.sales_manager.partner_id, note.partner_ids)
        self.assertIn(self.manager.partner_id, note.partner_ids)
        card.with_user(self.sales_manager).action_return()
        self.assertEqual(card.state, "returned")

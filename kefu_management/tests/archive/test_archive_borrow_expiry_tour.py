from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from .common import KefuArchiveCase

NOW = datetime(2026, 11, 2, 9, 0, 0)
DUE = NOW + timedelta(hours=2)


@tagged("post_install", "-at_install", "kefu", "kefu_archive", "kefu_tour")
class TestBorrowExpiryTour(HttpCase, KefuArchiveCase):
    """Issue 18, point 6 (ARC-10): at the card's due time the borrower sees at once
    that it expired (before the cron runs), and the archive closes with a clear
    zh_CN message naming the card."""

    def test_borrowing_ends_cleanly_at_the_due_time_in_the_browser(self):
        archive = self.archives["top_secret"]
        self.sales_manager.lang = "zh_CN"
        with freeze_time(NOW):
            card = (
                self.env["kefu.archive.borrow"]
                .with_user(self.sales_manager)
                .create(
                    {
                        "partner_id": archive.partner_id.id,
                        "approver_id": self.general_manager.id,
                        "purpose": "Audit",
                        "date_due": DUE,
                    }
                )
            )
            card.request_validation()
            card.with_user(self.general_manager).validate_tier()
            card.with_user(self.manager).validate_tier()
        self.assertEqual(card.state, "granted")
        login = self.sales_manager.login
        card_url = f"/odoo/action-kefu_management.kefu_archive_borrow_action/{card.id}"
        archive_url = f"/odoo/action-kefu_management.kefu_archive_action/{archive.id}"
        with freeze_time(DUE - timedelta(minutes=5), tick=True):
            self.start_tour(card_url, "kefu_borrow_card_open_tour", login=login)
        with freeze_time(DUE + timedelta(minutes=1), tick=True):
            self.start_tour(card_url, "kefu_borrow_card_expired_tour", login=login)
            self.start_tour(archive_url, "kefu_borrow_archive_closed_tour", login=login)
        card.invalidate_recordset()
        self.assertEqual(card.state, "granted")  # the cron has not run: computed at once

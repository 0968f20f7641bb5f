from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import KefuContractCase


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestReviewDeadlineRecompute(KefuContractCase):
    """CON-3: a review under way follows the calendar: a new holiday or make-up day
    moves its due time; a signed review keeps the deadline it had."""

    def test_new_holiday_moves_the_open_review(self):
        contract = self.make_contract()
        with freeze_time(self.local(2027, 1, 14, 15, 0)):  # Thursday
            contract.with_user(self.salesman).action_submit()
            review = self.review_of(contract, "finance")
            self.assertEqual(review.kefu_deadline, self.local(2027, 1, 15, 15, 0))
            self.add_holiday(date(2027, 1, 15), date(2027, 1, 15), "Local holiday")
            self.assertEqual(review.kefu_deadline, self.local(2027, 1, 18, 15, 0))
            self.assertLess(review.kefu_remind_at, review.kefu_deadline)
            self.add_makeup(date(2027, 1, 16))  # Saturday worked
            self.assertEqual(review.kefu_deadline, self.local(2027, 1, 16, 15, 0))

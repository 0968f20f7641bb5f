from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import KefuContractCase


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestReviewDeadline(KefuContractCase):
    """CON-3: each reviewer has one working day from the moment the review reaches them."""

    def submit_at(self, *local):
        contract = self.make_contract()
        with freeze_time(self.local(*local)):
            contract.with_user(self.salesman).action_submit()
        return contract

    def test_friday_afternoon_is_due_monday_afternoon(self):
        contract = self.submit_at(2027, 1, 8, 15, 0)
        for role in ("finance", "legal"):
            review = self.review_of(contract, role)
            self.assertEqual(review.kefu_reached_on, self.local(2027, 1, 8, 15, 0))
            self.assertEqual(review.kefu_deadline, self.local(2027, 1, 11, 15, 0))
        self.assertEqual(contract.state, "review")
        self.assertEqual(contract.submitted_by_id, self.salesman)

    def test_holiday_is_skipped(self):
        self.add_holiday(date(2027, 1, 15), date(2027, 1, 15), "Local holiday")
        contract = self.submit_at(2027, 1, 14, 15, 0)
        self.assertEqual(
            self.review_of(contract, "finance").kefu_deadline, self.local(2027, 1, 18, 15, 0)
        )

    def test_makeup_saturday_counts(self):
        self.add_makeup(date(2027, 1, 23))
        contract = self.submit_at(2027, 1, 22, 15, 0)
        self.assertEqual(
            self.review_of(contract, "legal").kefu_deadline, self.local(2027, 1, 23, 15, 0)
        )

    def test_weekend_holiday_and_makeup_together(self):
        # Friday holiday, weekend, Monday working: Thursday 10:00 is due Monday 10:00,
        # and with a make-up Saturday it is due that Saturday instead.
        self.add_holiday(date(2027, 2, 5), date(2027, 2, 5))
        contract = self.submit_at(2027, 2, 4, 10, 0)
        self.assertEqual(
            self.review_of(contract, "finance").kefu_deadline, self.local(2027, 2, 8, 10, 0)
        )
        self.add_makeup(date(2027, 2, 6))
        other = self.submit_at(2027, 2, 4, 10, 0)
        self.assertEqual(
            self.review_of(other, "finance").kefu_deadline, self.local(2027, 2, 6, 10, 0)
        )

    def test_setting_changes_the_deadline(self):
        self.env["ir.config_parameter"].sudo().set_param("kefu_contract.review_days", 2)
        contract = self.submit_at(2027, 1, 8, 15, 0)
        self.assertEqual(
            self.review_of(contract, "finance").kefu_deadline, self.local(2027, 1, 12, 15, 0)
        )

    def test_reminder_then_overdue_flag_once_each(self):
        contract = self.submit_at(2027, 1, 8, 15, 0)
        # Reminder 2 working hours before Monday 15:00, i.e. Monday 12:00 (lunch).
        review = self.review_of(contract, "finance")
        self.assertEqual(review.kefu_remind_at, self.local(2027, 1, 11, 12, 0))
        Contract = self.env["kefu.contract"]
        with freeze_time(self.local(2027, 1, 11, 11, 0)):
            Contract._cron_remind_reviews()
        self.assertFalse(self.messages(contract, "Reminder"))
        with freeze_time(self.local(2027, 1, 11, 12, 30)):
            Contract._cron_remind_reviews()
            Contract._cron_remind_reviews()
            Contract._cron_flag_overdue_reviews()
        reminders = self.messages(contract, "Reminder")
        self.assertEqual(len(reminders), 3, "one reminder per open review, not per run")
        self.assertIn(self.finance.partner_id, reminders.partner_ids)
        self.assertIn(self.legal.partner_id, reminders.partner_ids)
        self.assertIn(self.manager.partner_id, reminders.partner_ids)
        self.assertFalse(contract.review_overdue)
        # Finance signs in time; Legal does not.
        self.give_opinions(contract)
        with freeze_time(self.local(2027, 1, 11, 14, 0)):
            contract.with_user(self.finance).validate_tier()
            contract.with_user(self.manager).validate_tier()
        with freeze_time(self.local(2027, 1, 11, 15, 30)):
            Contract._cron_flag_overdue_reviews()
            Contract._cron_flag_overdue_reviews()
        overdue = self.messages(contract, "is overdue")
        self.assertEqual(len(overdue), 1)
        self.assertIn(self.manager.partner_id, overdue.partner_ids)
        self.assertTrue(contract.review_overdue)
        self.assertTrue(self.review_of(contract, "legal").kefu_overdue)
        self.assertFalse(self.review_of(contract, "finance").kefu_overdue)
        # The finance review took 7 working hours (Fri 15-17, Mon 8-12 and 13-14).
        self.assertAlmostEqual(self.review_of(contract, "finance").kefu_working_hours, 7.0)

    def test_next_tier_is_due_from_when_it_reaches_its_reviewer(self):
        contract = self.make_contract(amount=2000000.0)
        with freeze_time(self.local(2027, 1, 8, 15, 0)):
            contract.with_user(self.salesman).action_submit()
        gm_review = self.review_of(contract, "management")
        self.assertEqual(len(contract.review_ids), 4)
        self.assertEqual(gm_review.status, "waiting")
        self.assertFalse(gm_review.kefu_deadline)
        self.give_opinions(contract)
        with freeze_time(self.local(2027, 1, 11, 9, 0)):
            contract.with_user(self.finance).validate_tier()
        with freeze_time(self.local(2027, 1, 11, 9, 30)):
            contract.with_user(self.manager).validate_tier()
        with freeze_time(self.local(2027, 1, 11, 10, 0)):
            contract.with_user(self.legal).validate_tier()
        self.assertEqual(gm_review.status, "pending")
        self.assertEqual(gm_review.kefu_reached_on, self.local(2027, 1, 11, 10, 0))
        self.assertEqual(gm_review.kefu_deadline, self.local(2027, 1, 12, 10, 0))
        self.assertEqual(contract.state, "review")
        with freeze_time(self.local(2027, 1, 11, 16, 0)):
            contract.with_user(self.general_manager).validate_tier()
        self.assertEqual(contract.state, "approved")
        # Friday 15:00 to Monday 16:00: 2 + 7 working hours.
        self.assertAlmostEqual(contract.review_hours, 9.0)
        self.assertAlmostEqual(contract.finance_review_hours, 3.0)
        self.assertAlmostEqual(contract.legal_review_hours, 4.0)


@tagged("post_install", "-at_install", "kefu", "kefu_contract", "kefu_reporting")
class TestReviewOnTimeRate(KefuContractCase):
    def test_rate_averages_reviewed_contracts(self):
        on_time = self.make_contract()
        late = self.make_contract()
        for contract in on_time | late:
            contract.with_user(self.salesman).action_submit()
        late.sudo().write({"review_overdue": True})
        self.approve(on_time)
        self.approve(late)
        groups = self.Contract.read_group(
            [("id", "in", (on_time | late).ids)], ["review_on_time_rate:avg"], []
        )
        self.assertEqual(groups[0]["review_on_time_rate"], 50.0)
        self.assertEqual(on_time.state, "approved")

    def sign_at(self, contract, user, *local, reject=False):
        with freeze_time(self.local(*local)):
            signer = contract.with_user(user)
            signer.reject_tier() if reject else signer.validate_tier()

    def test_signature_after_the_deadline_counts_late_without_any_cron_run(self):
        """CON-3: the KPI compares each review's stored deadline with its signature
        time; a review signed 30 hours late is late even if no cron ran meanwhile."""
        with freeze_time(self.local(2027, 1, 8, 15, 0)):
            late = self.make_submitted()
            on_time = self.make_submitted()
        for contract in late | on_time:
            self.give_opinions(contract)
            self.sign_at(contract, self.legal, 2027, 1, 11, 10, 0)
            self.sign_at(contract, self.manager, 2027, 1, 11, 10, 30)
        # Due Monday 15:00: Finance signs Tuesday 21:00, 30 hours later.
        self.sign_at(late, self.finance, 2027, 1, 12, 21, 0)
        self.sign_at(on_time, self.finance, 2027, 1, 11, 14, 59)
        self.assertEqual((late | on_time).mapped("state"), ["approved", "approved"])
        self.assertTrue(late.review_overdue)
        self.assertEqual(late.review_on_time_rate, 0.0)
        self.assertTrue(self.review_of(late, "finance").kefu_late)
        self.assertFalse(self.review_of(late, "legal").kefu_late)
        self.assertFalse(self.review_of(late, "finance").kefu_overdue, "no cron ran")
        self.assertFalse(on_time.review_overdue)
        self.assertEqual(on_time.review_on_time_rate, 100.0)
        groups = self.Contract.read_group(
            [("id", "in", (late | on_time).ids)], ["review_on_time_rate:avg"], []
        )
        self.assertEqual(groups[0]["review_on_time_rate"], 50.0)

    def test_late_rejection_counts_late(self):
        with freeze_time(self.local(2027, 1, 8, 15, 0)):
            contract = self.make_submitted()
        self.sign_at(contract, self.legal, 2027, 1, 13, 9, 0, reject=True)
        self.assertEqual(contract.state, "rejected")
        self.assertEqual(contract.review_on_time_rate, 0.0)
        self.assertTrue(self.review_of(contract, "legal").kefu_late)

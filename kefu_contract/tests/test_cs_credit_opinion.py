"""Issue 18 point 5, CRD-9: the contract review asks the CS department for its
opinion on the customer's credit as its own review step (客服部信用意见), signed by a
CS Manager, who gets an activity due at his working-day deadline like every other
reviewer."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import KefuContractCase


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestCsCreditOpinionStep(KefuContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.review_type = cls.env.ref("kefu_management.mail_act_kefu_review")

    def activities(self, contract, user):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", contract._name),
                ("res_id", "=", contract.id),
                ("activity_type_id", "=", self.review_type.id),
                ("user_id", "=", user.id),
            ]
        )

    def submit_friday_afternoon(self):
        contract = self.make_contract()
        # Friday 8 January 2027, 15:00 in Shanghai.
        with freeze_time(self.local(2027, 1, 8, 15, 0)):
            contract.with_user(self.salesman).action_submit()
        return contract

    def test_submission_asks_the_cs_manager_with_a_working_day_deadline(self):
        contract = self.submit_friday_afternoon()
        review = self.review_of(contract, "cs")
        self.assertEqual(len(review), 1)
        self.assertEqual(review.definition_id.with_context(lang="zh_CN").name, "客服部信用意见")
        self.assertIn(self.manager, review.reviewer_ids)
        self.assertNotIn(self.finance, review.reviewer_ids)
        self.assertNotIn(self.agent, review.reviewer_ids)
        # CON-3: one working day, the weekend does not count.
        self.assertEqual(review.kefu_deadline, self.local(2027, 1, 11, 15, 0))
        activity = self.activities(contract, self.manager)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, date(2027, 1, 11))
        # In the reviewer's language.
        name = review.definition_id.with_context(lang=self.manager.lang or "en_US").name
        self.assertIn(name, activity.summary)

    def test_contract_waits_for_the_cs_signature(self):
        contract = self.submit_friday_afternoon()
        self.give_opinions(contract)
        contract.with_user(self.finance).validate_tier()
        contract.with_user(self.legal).validate_tier()
        self.assertEqual(contract.state, "review")
        self.assertEqual(self.review_of(contract, "cs").status, "pending")
        contract.with_user(self.manager).validate_tier()
        self.assertEqual(contract.state, "approved")
        self.assertEqual(self.review_of(contract, "cs").done_by, self.manager)
        self.assertFalse(self.activities(contract, self.manager))

    def test_cs_step_cannot_be_written_as_signed(self):
        contract = self.submit_friday_afternoon()
        review = self.review_of(contract, "cs")
        with self.assertRaises(AccessError):
            review.with_user(self.manager).write({"status": "approved", "done_by": self.manager.id})
        review.invalidate_recordset()
        self.assertEqual(review.status, "pending")
        self.assertFalse(review.done_by)

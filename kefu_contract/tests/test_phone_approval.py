from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import KefuContractCase


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestPhoneApproval(KefuContractCase):
    """CON-4: approval across levels after phone confirmation, with notification."""

    def setUp(self):
        super().setUp()
        self.contract = self.make_contract()
        self.contract.with_user(self.salesman).action_submit()
        self.give_opinions(self.contract)
        self.PhoneApproval = self.env["kefu.contract.phone.approval"]

    def record(self, user=None, **vals):
        values = {
            "contract_id": self.contract.id,
            "review_id": self.review_of(self.contract, "legal").id,
            "confirmer_id": self.legal.id,
            "phone": "+86 138 0000 0000",
            "note": "Legal on a business trip, customer signs today.",
        }
        values.update(vals)
        return self.PhoneApproval.with_user(user or self.support).create(values)

    def test_phone_approval_signs_the_level_and_notifies_the_result(self):
        approval = self.record()
        legal_review = self.review_of(self.contract, "legal")
        self.assertEqual(legal_review.status, "approved")
        self.assertEqual(legal_review.done_by, self.legal)
        self.assertTrue(legal_review.kefu_by_phone)
        self.assertEqual(approval.recorded_by_id, self.support)
        self.assertEqual(self.contract.phone_approval_count, 1)
        self.assertEqual(self.contract.state, "review")
        self.assertFalse(approval.result)
        self.contract.with_user(self.finance).validate_tier()
        self.assertEqual(self.contract.state, "review")
        # CRD-9: the CS credit opinion is its own step, signed by a CS Manager.
        self.contract.with_user(self.manager).validate_tier()
        self.assertEqual(self.contract.state, "approved")
        self.assertEqual(approval.result, "approved")
        notice = self.messages(approval, "Final result")
        self.assertEqual(len(notice), 1)
        self.assertIn(self.legal.partner_id, notice.partner_ids)
        self.assertEqual(approval.activity_ids.user_id, self.legal)
        # The confirmer objects afterwards: a reason is needed, CS is told.
        mine = approval.with_user(self.legal)
        self.assertTrue(mine.is_confirmer)
        with self.assertRaisesText(UserError, "why you object"):
            mine.action_object()
        mine.feedback_note = "I only agreed to 30 days payment."
        mine.action_object()
        self.assertEqual(approval.feedback, "objected")
        self.assertFalse(approval.activity_ids)
        objection = self.messages(self.contract, "objects")
        self.assertIn(self.manager.partner_id, objection.partner_ids)
        with self.assertRaisesText(UserError, "already been answered"):
            mine.action_confirm()
        # Listed for audit by CS.
        self.assertEqual(
            self.PhoneApproval.with_user(self.agent).search(
                [("contract_id", "=", self.contract.id)]
            ),
            approval,
        )

    def test_confirmer_is_told_of_a_rejection_and_confirms(self):
        approval = self.record()
        self.contract.with_user(self.finance).reject_tier()
        self.assertEqual(self.contract.state, "rejected")
        self.assertEqual(approval.result, "rejected")
        approval.with_user(self.legal).action_confirm()
        self.assertEqual(approval.feedback, "confirmed")

    def test_bad_phone_approvals_write_nothing(self):
        with self.assertRaisesText(ValidationError, "who confirmed"):
            self.record(confirmer_id=False)
        with self.assertRaisesText(ValidationError, "phone number"):
            self.record(phone="")
        with self.assertRaisesText(ValidationError, "not a reviewer"):
            self.record(confirmer_id=self.finance.id)
        with self.assertRaisesText(UserError, "Only sales support"):
            self.record(user=self.salesman2)
        with self.assertRaisesText(UserError, "your own request"):
            self.record(user=self.support, confirmer_id=self.salesman.id)
        self.assertFalse(self.contract.phone_approval_ids)
        self.assertEqual(self.review_of(self.contract, "legal").status, "pending")
        # Someone who already signed cannot confirm another level by phone.
        self.contract.with_user(self.finance).validate_tier()
        self.assertEqual(self.review_of(self.contract, "finance").done_by, self.finance)
        self.finance.groups_id = [(4, self.env.ref("kefu_contract.group_kefu_legal").id)]
        self.review_of(self.contract, "legal").invalidate_recordset(["reviewer_ids"])
        self.review_of(self.contract, "legal").sudo()._compute_reviewer_ids()
        with self.assertRaisesText(UserError, "already signed"):
            self.record(confirmer_id=self.finance.id)
        self.assertEqual(self.contract.state, "review")

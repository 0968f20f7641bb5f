"""Issue 12, finding 6 (CRD-9) and CON-4: an approval confirmed by phone signs a
level only with what that level needs, and its record is what happened."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.kefu_management.tests.common import KefuRpcMixin

from .common import KefuContractCase

GUARDED = "change only through the document's own actions"
# Over RPC the messages follow the user's language: ask for English to read them.
EN = {"lang": "en_US"}


class PhoneApprovalMixin:
    def phone_values(self, contract, role="legal", **vals):
        values = {
            "contract_id": contract.id,
            "review_id": self.review_of(contract, role).id,
            "confirmer_id": (self.legal if role == "legal" else self.finance).id,
            "phone": "+86 138 0000 0000",
            "note": "Reviewer travelling, customer signs today.",
        }
        values.update(vals)
        return values


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestPhoneApprovalIntegrity(PhoneApprovalMixin, KefuContractCase):
    def setUp(self):
        super().setUp()
        self.contract = self.make_submitted()
        self.PhoneApproval = self.env["kefu.contract.phone.approval"].with_user(self.support)

    def test_finance_level_by_phone_needs_the_finance_opinion(self):
        """Finding 6: a phone approval at the Finance level skipped CRD-9."""
        self.contract.with_user(self.agent).cs_credit_opinion = "Pays on time."
        with self.assertRaisesText(UserError, "Finance's opinion"):
            self.PhoneApproval.create(self.phone_values(self.contract, "finance"))
        self.env.invalidate_all()
        self.assertFalse(self.contract.phone_approval_ids)
        self.assertEqual(self.review_of(self.contract, "finance").status, "pending")
        self.assertEqual(self.contract.state, "review")
        # With Finance's opinion (given by Finance itself) the phone approval goes through.
        self.contract.with_user(self.finance).finance_credit_opinion = "Within the limit."
        self.PhoneApproval.create(self.phone_values(self.contract, "finance"))
        self.assertEqual(self.review_of(self.contract, "finance").done_by, self.finance)

    def test_phone_approval_created_already_answered(self):
        for vals in (
            {"feedback": "confirmed"},
            {"result": "approved"},
            {"recorded_by_id": self.legal.id},
        ):
            with self.assertRaisesText(AccessError, GUARDED):
                self.PhoneApproval.create(self.phone_values(self.contract, **vals))
        self.env.invalidate_all()
        self.assertFalse(self.contract.phone_approval_ids)
        self.assertEqual(self.review_of(self.contract, "legal").status, "pending")

    def test_phone_approval_record_is_not_rewritten(self):
        self.give_opinions(self.contract)
        approval = self.PhoneApproval.create(self.phone_values(self.contract))
        self.contract.with_user(self.finance).validate_tier()
        # CRD-9: the CS credit opinion is its own step.
        self.contract.with_user(self.manager).validate_tier()
        self.assertEqual(approval.result, "approved")
        # The sales person sees the record (his contract), the recorder recorded it.
        for user in (self.salesman, self.support):
            for vals in (
                {"feedback": "confirmed"},
                {"result": "rejected"},
                {"confirmer_id": self.finance.id},
                {"phone": "+86 100"},
                {"confirmed_on": "2020-01-01 00:00:00"},
            ):
                with self.assertRaisesText(AccessError, GUARDED):
                    approval.with_user(user).write(vals)
            with self.assertRaisesText(UserError, "Only the person who confirmed"):
                approval.with_user(user).feedback_note = "All fine."
        # The confirmer answers with the buttons, not by writing the answer.
        with self.assertRaisesText(AccessError, GUARDED):
            approval.with_user(self.legal).write({"feedback": "confirmed"})
        self.env.invalidate_all()
        self.assertEqual(approval.feedback, "waiting")
        self.assertEqual(approval.result, "approved")
        self.assertEqual(approval.confirmer_id, self.legal)
        self.assertEqual(approval.phone, "+86 138 0000 0000")
        self.assertFalse(approval.feedback_note)
        approval.with_user(self.legal).feedback_note = "Agreed."
        approval.with_user(self.legal).action_confirm()
        with self.assertRaisesText(UserError, "already been answered"):
            approval.with_user(self.legal).feedback_note = "Changed my mind."
        self.assertEqual(approval.feedback, "confirmed")
        self.assertEqual(approval.feedback_note, "Agreed.")


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestPhoneApprovalIntegrityRpc(PhoneApprovalMixin, KefuRpcMixin, HttpCase, KefuContractCase):
    def test_rpc_phone_approval(self):
        contract = self.make_submitted()
        contract.with_user(self.agent).cs_credit_opinion = "Pays on time."
        model = "kefu.contract.phone.approval"
        self.assertRpcRefused(
            "t_con_support",
            model,
            "create",
            [self.phone_values(contract, "finance")],
            context=EN,
            message="Finance's opinion",
        )
        self.env.invalidate_all()
        self.assertFalse(contract.phone_approval_ids)
        self.assertEqual(self.review_of(contract, "finance").status, "pending")
        approval = (
            self.env[model].with_user(self.support).create(self.phone_values(contract, "legal"))
        )
        self.assertRpcRefused(
            "t_con_sales",
            model,
            "write",
            approval.ids,
            {"feedback": "confirmed"},
            context=EN,
            message=GUARDED,
        )
        self.env.invalidate_all()
        self.assertEqual(approval.feedback, "waiting")


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestPhoneApprovalBySubmitter(PhoneApprovalMixin, KefuContractCase):
    def test_the_submitter_cannot_confirm_a_level_by_phone(self):
        """Whoever submitted a contract is one of the people who made the request:
        refused as its signer by phone as in person (not only the sales person)."""
        lead = new_test_user(
            self.env,
            "t_con_sales_lead_legal",
            groups="sales_team.group_sale_salesman_all_leads,kefu_contract.group_kefu_legal",
            name="Sales Lead Zhou",
        )
        contract = self.make_contract()
        contract.with_user(lead).action_submit()
        self.assertEqual(contract.submitted_by_id, lead)
        PhoneApproval = self.env["kefu.contract.phone.approval"].with_user(self.support)
        with self.assertRaisesText(UserError, "your own request"):
            PhoneApproval.create(self.phone_values(contract, confirmer_id=lead.id))
        self.env.invalidate_all()
        self.assertFalse(contract.phone_approval_ids)
        self.assertEqual(self.review_of(contract, "legal").status, "pending")

from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import KefuContractCase


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestCustody(KefuContractCase):
    """CON-6: signed contracts reach custody in one working day; CON-7: retrievals."""

    def approved_contract(self):
        contract = self.make_contract()
        contract.with_user(self.salesman).action_submit()
        self.approve(contract)
        self.assertEqual(contract.state, "approved")
        return contract

    def signed_contract(self, *local):
        contract = self.approved_contract()
        contract.with_user(self.salesman).signed_document = self.document
        with freeze_time(self.local(*local)):
            contract.with_user(self.salesman).action_sign()
        return contract

    def test_sign_needs_the_document(self):
        contract = self.approved_contract()
        with self.assertRaisesText(UserError, "Attach the signed contract"):
            contract.with_user(self.salesman).action_sign()
        self.assertEqual(contract.state, "approved")

    def test_late_submission_is_flagged_once_and_counted(self):
        contract = self.signed_contract(2027, 1, 8, 16, 0)
        self.assertEqual(contract.state, "signed")
        self.assertEqual(contract.date_signed, self.local(2027, 1, 8, 16, 0))
        self.assertEqual(contract.custody_due, self.local(2027, 1, 11, 16, 0))
        Contract = self.env["kefu.contract"]
        with freeze_time(self.local(2027, 1, 11, 15, 0)):
            Contract._cron_flag_late_custody()
        self.assertFalse(contract.custody_late)
        with freeze_time(self.local(2027, 1, 11, 17, 0)):
            Contract._cron_flag_late_custody()
            Contract._cron_flag_late_custody()
        self.assertTrue(contract.custody_late)
        self.assertEqual(len(self.messages(contract, "has not reached CS custody")), 1)
        with freeze_time(self.local(2027, 1, 12, 9, 0)):
            contract.with_user(self.agent).action_receive_custody()
        self.assertEqual(contract.state, "custody")
        self.assertTrue(contract.custody_late)
        # KPI: late submissions per sales person.
        groups = Contract.read_group(
            [("custody_late", "=", True), ("id", "=", contract.id)], ["user_id"], ["user_id"]
        )
        self.assertEqual(groups[0]["user_id"][0], self.salesman.id)

    def test_on_time_submission_and_only_cs_receives(self):
        contract = self.signed_contract(2027, 1, 8, 16, 0)
        with self.assertRaisesText(UserError, "Only Customer Service"):
            contract.with_user(self.salesman).action_receive_custody()
        with freeze_time(self.local(2027, 1, 11, 10, 0)):
            contract.with_user(self.agent).action_receive_custody()
        self.assertFalse(contract.custody_late)
        self.assertEqual(contract.custody_log_ids.action, "received")

    def test_retrieval_needs_the_general_manager_and_a_return_date(self):
        with freeze_time(self.local(2027, 1, 8, 16, 0)):
            contract = self.signed_contract(2027, 1, 8, 16, 0)
            contract.with_user(self.agent).action_receive_custody()
        Retrieval = self.env["kefu.contract.retrieval"].with_user(self.salesman)
        with freeze_time(self.local(2027, 1, 12, 9, 0)):
            with self.assertRaisesText(ValidationError, "must be returned"):
                Retrieval.create({"contract_id": contract.id, "purpose": "Audit"})
            self.assertFalse(contract.retrieval_ids)
            retrieval = Retrieval.create(
                {
                    "contract_id": contract.id,
                    "purpose": "Customer audit at their site",
                    "date_return_due": datetime(2027, 1, 14, 9, 0),
                }
            )
            retrieval.action_request()
            self.assertEqual(retrieval.validation_status, "pending")
            with self.assertRaisesText(UserError, "Only the General Manager"):
                retrieval.with_user(self.manager).validate_tier()
            self.assertEqual(retrieval.state, "draft")
            with self.assertRaisesText(UserError, "approve the retrieval first"):
                retrieval.with_user(self.agent).action_hand_out()
            retrieval.with_user(self.general_manager).validate_tier()
            self.assertEqual(retrieval.state, "approved")
            self.assertEqual(retrieval.approved_by_id, self.general_manager)
            retrieval.with_user(self.agent).action_hand_out()
        self.assertTrue(contract.is_out)
        with self.assertRaisesText(UserError, "not taken out"):
            contract.with_user(self.manager).action_close()
        Cron = self.env["kefu.contract.retrieval"]
        with freeze_time(datetime(2027, 1, 14, 8, 0)):
            Cron._cron_flag_overdue_returns()
        self.assertEqual(retrieval.state, "out")
        with freeze_time(datetime(2027, 1, 14, 10, 0)):
            Cron._cron_flag_overdue_returns()
            Cron._cron_flag_overdue_returns()
        self.assertEqual(retrieval.state, "overdue")
        self.assertEqual(len(self.messages(retrieval, "was due back")), 1)
        self.assertEqual(retrieval.activity_ids.user_id, self.salesman)
        retrieval.with_user(self.agent).action_return()
        self.assertEqual(retrieval.state, "returned")
        self.assertFalse(contract.is_out)
        self.assertEqual(
            contract.custody_log_ids.sorted("id").mapped("action"), ["received", "out", "returned"]
        )
        contract.with_user(self.manager).action_close()
        self.assertEqual(contract.state, "closed")

    def test_general_manager_cannot_approve_own_retrieval(self):
        with freeze_time(self.local(2027, 1, 8, 16, 0)):
            contract = self.signed_contract(2027, 1, 8, 16, 0)
            contract.with_user(self.agent).action_receive_custody()
            retrieval = (
                self.env["kefu.contract.retrieval"]
                .with_user(self.general_manager)
                .create(
                    {
                        "contract_id": contract.id,
                        "purpose": "Board review",
                        "date_return_due": datetime(2027, 1, 20, 9, 0),
                    }
                )
            )
            retrieval.action_request()
            with self.assertRaisesText(UserError, "your own request"):
                retrieval.with_user(self.general_manager).validate_tier()
        self.assertEqual(retrieval.state, "draft")

"""Issue 12, findings 2 and 6 (and custody): a contract's state, signatures,
review deadlines and flags, credit position and custody dates change only through
its actions, whoever asks and through whatever path."""

from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.kefu_management.tests.common import KefuRpcMixin

from .common import KefuContractCase

GUARDED = "change only through the document's own actions"
# Over RPC the messages follow the user's language: ask for English to read them.
EN = {"lang": "en_US"}
SIGNATURES = "Approval signatures are given only"


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestContractIntegrity(KefuContractCase):
    def reread(self, record):
        record.env.invalidate_all()
        return record

    def test_forged_reviews_do_not_approve_a_contract(self):
        """Finding 2: reviews written to approved, then the state, with no opinion."""
        contract = self.make_submitted()
        mine = contract.with_user(self.salesman)
        with self.assertRaisesText(AccessError, SIGNATURES):
            mine.review_ids.write({"status": "approved", "done_by": self.salesman.id})
        with self.assertRaisesText(AccessError, SIGNATURES):
            self.env["tier.review"].with_user(self.salesman).create(
                {
                    "model": contract._name,
                    "res_id": contract.id,
                    "definition_id": self.review_of(contract, "finance").definition_id.id,
                    "status": "approved",
                    "done_by": self.salesman.id,
                }
            )
        with self.assertRaisesText(AccessError, GUARDED):
            mine.write({"state": "approved", "approved_on": fields.Datetime.now()})
        self.reread(contract)
        self.assertEqual(contract.state, "review")
        self.assertEqual(set(contract.review_ids.mapped("status")), {"pending"})
        # Finance, Legal and the CS credit opinion (CRD-9).
        self.assertEqual(len(contract.review_ids), 3)
        self.assertFalse(contract.approved_on)

    def test_contract_created_approved(self):
        """Finding 6: a contract created directly as approved (or signed)."""
        for state in ("approved", "signed", "custody"):
            with self.assertRaisesText(AccessError, GUARDED):
                self.make_contract(title="Forged", state=state)
        with self.assertRaisesText(AccessError, GUARDED):
            self.make_contract(title="Forged", approved_on=fields.Datetime.now())
        self.assertFalse(self.Contract.search([("title", "=", "Forged")]))

    def test_draft_written_to_approved_then_signed(self):
        """Finding 6: a draft written to approved, then signed through the button."""
        contract = self.make_contract()
        mine = contract.with_user(self.salesman)
        with self.assertRaisesText(AccessError, GUARDED):
            mine.write({"state": "approved"})
        with self.assertRaisesText(UserError, "only after every reviewer"):
            mine.action_sign()
        self.reread(contract)
        self.assertEqual(contract.state, "draft")
        self.assertFalse(contract.review_ids)
        self.assertFalse(contract.date_signed)

    def test_review_straight_to_signed(self):
        """Finding 6: a contract under review moved straight to signed."""
        contract = self.make_submitted()
        with self.assertRaisesText(AccessError, GUARDED):
            contract.with_user(self.salesman).write({"state": "signed"})
        self.reread(contract)
        self.assertEqual(contract.state, "review")
        self.assertFalse(contract.custody_due)

    def test_salesman_rewrites_review_deadline_and_overdue_flags(self):
        """Finding 6: the review deadline and overdue flags (on-time KPI, CON-3)."""
        contract = self.make_submitted()
        deadline = self.review_of(contract, "finance").kefu_deadline
        with freeze_time(fields.Datetime.now() + timedelta(days=10)):
            self.Contract._cron_flag_overdue_reviews()
        self.assertTrue(contract.review_overdue)
        mine = contract.with_user(self.salesman)
        with self.assertRaisesText(AccessError, GUARDED):
            mine.write({"review_overdue": False})
        with self.assertRaisesText(AccessError, SIGNATURES):
            mine.review_ids.write(
                {"kefu_deadline": deadline + timedelta(days=30), "kefu_overdue": False}
            )
        with self.assertRaisesText(AccessError, GUARDED):
            mine.write({"submitted_on": fields.Datetime.now() + timedelta(days=9)})
        with self.assertRaisesText(UserError, "starts again only after a rejection"):
            mine.restart_validation()
        self.approve(contract)
        hours, finance_hours = contract.review_hours, contract.finance_review_hours
        with self.assertRaisesText(AccessError, GUARDED):
            mine.write({"review_hours": hours + 1.0, "finance_review_hours": finance_hours + 1})
        self.reread(contract)
        self.assertTrue(contract.review_overdue)
        self.assertEqual(contract.review_on_time_rate, 0.0)
        self.assertEqual(self.review_of(contract, "finance").kefu_deadline, deadline)
        self.assertTrue(all(contract.review_ids.mapped("kefu_overdue")))
        self.assertEqual(contract.review_hours, hours)
        self.assertEqual(contract.finance_review_hours, finance_hours)

    def test_credit_position_and_opinions_are_not_rewritten(self):
        """CRD-9: the credit position taken at submission and the opinions after
        the review are what the reviewers saw."""
        contract = self.make_submitted()
        with self.assertRaisesText(AccessError, GUARDED):
            contract.with_user(self.salesman).write({"credit_tier": "A", "credit_limit": 1e7})
        self.approve(contract)
        with self.assertRaisesText(UserError, "only while"):
            contract.with_user(self.agent).cs_credit_opinion = "Excellent payer."
        with self.assertRaisesText(UserError, "only while"):
            contract.with_user(self.finance).finance_credit_opinion = False
        self.reread(contract)
        self.assertFalse(contract.credit_tier == "A")
        self.assertEqual(contract.cs_credit_opinion, "Tier B customer, pays on time.")
        self.assertEqual(contract.finance_credit_opinion, "Limit is sufficient.")

    def test_approved_terms_are_frozen(self):
        """CON-9: what was reviewed (amount, customer, type) is what is signed."""
        contract = self.make_approved()
        mine = contract.with_user(self.salesman)
        with self.assertRaisesText(UserError, "only while"):
            mine.write({"amount": 5000000.0})
        with self.assertRaisesText(UserError, "only while"):
            mine.write({"partner_id": self.env["res.partner"].create({"name": "X"}).id})
        self.reread(contract)
        self.assertEqual(contract.amount, 120000.0)
        self.assertEqual(contract.partner_id, self.customer)

    def test_sales_person_is_not_chosen_freely(self):
        """The requester (never a reviewer of his own contract) is the creator,
        unless a sales manager assigns it; it does not change afterwards."""
        with self.assertRaisesText(AccessError, "another sales person"):
            self.make_contract(title="Other's", user=self.salesman, user_id=self.salesman2.id)
        contract = self.make_contract()
        with self.assertRaisesText(AccessError, GUARDED):
            contract.with_user(self.salesman).user_id = self.finance
        self.reread(contract)
        self.assertEqual(contract.user_id, self.salesman)
        self.assertFalse(self.Contract.search([("title", "=", "Other's")]))

    def test_custody_dates_and_flags(self):
        """CON-6: custody due date, arrival and lateness come from the actions."""
        contract = self.make_approved()
        contract.with_user(self.salesman).signed_document = self.document
        contract.with_user(self.salesman).action_sign()
        due = contract.custody_due
        mine = contract.with_user(self.salesman)
        with self.assertRaisesText(AccessError, GUARDED):
            mine.write({"custody_due": due + timedelta(days=30)})
        with self.assertRaisesText(AccessError, GUARDED):
            mine.write({"state": "custody", "custody_date": fields.Datetime.now()})
        with self.assertRaisesText(UserError, "only while"):
            mine.write({"date_signed": fields.Datetime.now() - timedelta(days=20)})
        with freeze_time(due + timedelta(days=2)):
            self.Contract._cron_flag_late_custody()
            with self.assertRaisesText(AccessError, GUARDED):
                contract.with_user(self.agent).write({"custody_late": False})
            contract.with_user(self.agent).action_receive_custody()
        with self.assertRaisesText(AccessError, GUARDED):
            contract.with_user(self.agent).write({"state": "closed"})
        with self.assertRaisesText(UserError, "CS Manager"):
            contract.with_user(self.agent).action_close()
        with self.assertRaisesText(UserError, "draft or cancelled"):
            contract.with_user(self.manager).unlink()
        self.reread(contract)
        self.assertEqual(contract.state, "custody")
        self.assertEqual(contract.custody_due, due)
        self.assertTrue(contract.custody_late)
        contract.with_user(self.manager).action_close()
        self.assertEqual(contract.state, "closed")

    def test_custody_log_is_written_by_the_actions_only(self):
        contract = self.make_in_custody()
        log = contract.custody_log_ids
        Log = self.env["kefu.contract.custody.log"]
        for user in (self.agent, self.manager, self.salesman):
            with self.assertRaises(AccessError):
                Log.with_user(user).create(
                    {"contract_id": contract.id, "action": "returned", "user_id": user.id}
                )
            with self.assertRaises(AccessError):
                log.with_user(user).write({"date": fields.Datetime.now() - timedelta(days=9)})
            with self.assertRaises(AccessError):
                log.with_user(user).unlink()
        self.reread(contract)
        self.assertEqual(contract.custody_log_ids, log)
        self.assertEqual(log.action, "received")

    def test_only_the_sales_side_records_the_signature(self):
        contract = self.make_approved()
        contract.with_user(self.salesman).signed_document = self.document
        with self.assertRaisesText(UserError, "sales person"):
            contract.with_user(self.finance).action_sign()
        self.reread(contract)
        self.assertEqual(contract.state, "approved")


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestContractIntegrityRpc(KefuRpcMixin, HttpCase, KefuContractCase):
    """The same attacks as an outside JSON-RPC client."""

    def test_rpc_contract_state_reviews_and_flags(self):
        Contract = "kefu.contract"
        vals = {
            "title": "Forged by RPC",
            "partner_id": self.customer.id,
            "amount": 50000.0,
            "state": "approved",
        }
        self.assertRpcRefused(
            "t_con_sales", Contract, "create", [vals], context=EN, message=GUARDED
        )
        self.assertFalse(self.Contract.search([("title", "=", "Forged by RPC")]))
        draft = self.make_contract()
        error = self.assertRpcRefused(
            "t_con_sales",
            Contract,
            "write",
            draft.ids,
            {"state": "approved"},
            context={"lang": "zh_CN"},
        )
        self.assertIn("只能通过单据自身的操作", error["data"]["message"])
        contract = self.make_submitted()
        self.assertRpcRefused(
            "t_con_sales",
            Contract,
            "write",
            contract.ids,
            {"state": "signed"},
            context=EN,
            message=GUARDED,
        )
        self.assertRpcRefused(
            "t_con_sales",
            "tier.review",
            "write",
            contract.review_ids.ids,
            {"status": "approved", "done_by": self.salesman.id},
            context=EN,
            message=SIGNATURES,
        )
        with freeze_time(fields.Datetime.now() + timedelta(days=10)):
            self.Contract._cron_flag_overdue_reviews()
        self.assertRpcRefused(
            "t_con_sales",
            Contract,
            "write",
            contract.ids,
            {"review_overdue": False},
            context=EN,
            message=GUARDED,
        )
        self.reread_all()
        self.assertEqual(draft.state, "draft")
        self.assertEqual(contract.state, "review")
        self.assertTrue(contract.review_overdue)
        self.assertEqual(set(contract.review_ids.mapped("status")), {"pending"})

    def test_rpc_custody_log(self):
        contract = self.make_in_custody()
        self.assertRpcRefused(
            "t_agent",
            "kefu.contract.custody.log",
            "create",
            [{"contract_id": contract.id, "action": "returned", "user_id": self.agent.id}],
        )
        self.assertRpcRefused(
            "t_manager", "kefu.contract.custody.log", "unlink", contract.custody_log_ids.ids
        )
        self.reread_all()
        self.assertEqual(contract.custody_log_ids.mapped("action"), ["received"])

    def reread_all(self):
        self.env.invalidate_all()

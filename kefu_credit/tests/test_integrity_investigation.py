"""Issue 12, finding 10: a credit investigation (CRD-4, CRD-5) is seen by its
requester and sales person, the Finance user who evaluated it, the credit group and,
once approved, Customer Service (CRD-9); only Finance evaluates and proposes, and the
state and the evaluator change only through its actions."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import KefuCreditCase
from .common import KefuCreditRpcMixin

GUARDED = "change only through the document's own actions"
FINANCE = "Only Finance evaluates a credit investigation"
FINDINGS = "The findings of a credit investigation change only while it is in progress"


class KefuInvestigationAttackCase(KefuCreditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Investigation = cls.env["kefu.credit.investigation"]

    def investigation(self, user=None, submit=True):
        user = user or self.salesman
        investigation = self.Investigation.with_user(user).create(
            {
                "partner_id": self.customer.id,
                "channel": "visit",
                "section_payment": "No overdue in 24 months.",
            }
        )
        if submit:
            investigation.with_user(user).action_submit()
        return investigation

    def snapshot(self, investigation):
        self.env.invalidate_all()
        return investigation.read(
            [
                "state",
                "partner_id",
                "requested_by_id",
                "user_id",
                "finance_user_id",
                "finance_evaluation",
                "proposed_tier",
                "proposed_limit",
                "date_due",
                "section_payment",
            ]
        ) + self.customer.read(["kefu_credit_tier"])


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestInvestigationIntegrity(KefuInvestigationAttackCase):
    def test_investigations_are_not_open_to_every_salesman_and_agent(self):
        """Finding 10: no record rule, every salesman and agent reads all."""
        investigation = self.investigation()
        with self.assertRaises(AccessError):  # no access right at all
            self.Investigation.with_user(self.employee).search([])
        for user in (self.salesman2, self.agent):
            with self.subTest(user=user.login):
                self.assertFalse(
                    self.Investigation.with_user(user).search([("id", "=", investigation.id)])
                )
                with self.assertRaises(AccessError):
                    investigation.with_user(user).read(["section_payment"])
        for user in (self.salesman, self.controller, self.finance, self.cs_manager):
            self.assertEqual(
                self.Investigation.with_user(user).search([("id", "=", investigation.id)]),
                investigation,
            )
        # Finance evaluates, the credit group approves: the agent sees the report now.
        investigation.with_user(self.finance).write(
            {"finance_evaluation": "Sound.", "proposed_tier": "B"}
        )
        investigation.with_user(self.finance).action_request_approval()
        investigation.with_user(self.controller).validate_tier()
        self.assertEqual(investigation.state, "done")
        self.assertEqual(
            self.Investigation.with_user(self.agent).search([("id", "=", investigation.id)]),
            investigation,
        )
        with self.assertRaises(AccessError):
            investigation.with_user(self.salesman2).read(["section_payment"])

    def test_salesman_evaluates_someone_elses_investigation(self):
        """Finding 10: a salesman writes finance_evaluation and a proposal on someone
        else's investigation, or on his own."""
        theirs = self.investigation(user=self.salesman2)
        mine = self.investigation()
        before = self.snapshot(theirs), self.snapshot(mine)
        proposal = {"finance_evaluation": "Excellent.", "proposed_tier": "A"}
        with self.assertRaises(AccessError):
            theirs.with_user(self.salesman).write(proposal)
        with self.assertRaisesRegex(AccessError, FINANCE):
            mine.with_user(self.salesman).write(proposal)
        with self.assertRaises(AccessError):
            mine.with_user(self.salesman).action_request_approval()
        with self.assertRaisesRegex(AccessError, GUARDED):
            mine.with_user(self.salesman).write({"finance_user_id": self.salesman.id})
        self.assertEqual((self.snapshot(theirs), self.snapshot(mine)), before)

    def test_created_directly_in_evaluation(self):
        """Finding 10: created directly in evaluation, recording him as Finance."""
        for vals in (
            {"state": "evaluation", "finance_user_id": self.salesman.id},
            {"state": "evaluation"},
            {"finance_user_id": self.salesman.id},
            {"state": "done"},
            {"requested_by_id": self.salesman2.id},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(AccessError, GUARDED):
                self.Investigation.with_user(self.salesman).create(
                    {"partner_id": self.customer.id, "channel": "visit", **vals}
                )
        with self.assertRaisesRegex(AccessError, FINANCE):
            self.Investigation.with_user(self.salesman).create(
                {
                    "partner_id": self.customer.id,
                    "finance_evaluation": "Sound.",
                    "proposed_tier": "A",
                }
            )
        self.assertFalse(self.Investigation.search([("partner_id", "=", self.customer.id)]))

    def test_state_deadline_and_customer_only_through_actions(self):
        investigation = self.investigation()
        before = self.snapshot(investigation)
        mine = investigation.with_user(self.salesman)
        for vals in ({"state": "done"}, {"state": "draft"}, {"date_due": "2099-01-01"}):
            with self.subTest(vals=vals), self.assertRaisesRegex(AccessError, GUARDED):
                mine.write(vals)
        # Moving the evaluated investigation to another customer moves its tier there.
        with self.assertRaisesRegex(UserError, FINDINGS):
            mine.write({"partner_id": self.env["res.partner"].create({"name": "X"}).id})
        with self.assertRaisesRegex(UserError, FINDINGS):
            mine.write({"section_payment": "Always paid early."})
        self.assertEqual(self.snapshot(investigation), before)

    def test_evaluator_and_requester_do_not_approve(self):
        investigation = self.investigation(user=self.controller)
        investigation.with_user(self.finance).write(
            {"finance_evaluation": "Sound.", "proposed_tier": "B"}
        )
        investigation.with_user(self.finance).action_request_approval()
        self.assertEqual(investigation.finance_user_id, self.finance)
        for user in (self.finance, self.controller):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                investigation.with_user(user).validate_tier()
        self.assertEqual(investigation.state, "evaluation")
        investigation.with_user(self.cs_manager).validate_tier()
        self.assertEqual(investigation.state, "done")
        self.assertEqual(self.customer.kefu_credit_tier, "B")

    def test_strangers_neither_submit_nor_cancel(self):
        investigation = self.investigation(submit=False)
        for action in ("action_submit", "action_cancel"):
            with self.subTest(action=action), self.assertRaises(AccessError):
                getattr(investigation.with_user(self.salesman2), action)()
        self.env.invalidate_all()
        self.assertEqual(investigation.state, "draft")


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestInvestigationIntegrityRpc(KefuCreditRpcMixin, HttpCase, KefuInvestigationAttackCase):
    def test_rpc_salesman_reads_evaluates_and_creates_in_evaluation(self):
        model = "kefu.credit.investigation"
        theirs = self.investigation(user=self.salesman2)
        before = self.snapshot(theirs)
        self.assertRpcRefused("t_sales", model, "read", theirs.ids, ["section_payment"])
        result, error = self.rpc("t_sales", model, "search", [("id", "=", theirs.id)])
        self.assertFalse(error)
        self.assertEqual(result, [])
        self.assertRpcRefused(
            "t_sales",
            model,
            "write",
            theirs.ids,
            {"finance_evaluation": "Excellent.", "proposed_tier": "A"},
        )
        mine = self.investigation()
        self.assertRpcRefused(
            "t_sales",
            model,
            "write",
            mine.ids,
            {"finance_evaluation": "Excellent.", "proposed_tier": "A"},
            message=FINANCE,
        )
        self.assertRpcRefused(
            "t_sales",
            model,
            "create",
            [
                {
                    "partner_id": self.customer.id,
                    "state": "evaluation",
                    "finance_user_id": self.salesman.id,
                }
            ],
            message=GUARDED,
        )
        self.assertEqual(self.snapshot(theirs), before)
        self.assertEqual(
            self.Investigation.search_count([("partner_id", "=", self.customer.id)]), 2
        )

"""Nobody signs his own request or two tiers of one request (CON-3, CON-9, CRD-3).

Contracts have parallel tiers (Finance, Legal and the CS credit opinion, side by
side) and then the General Manager for large amounts; business plans the same.
One person may hold several roles (Finance and Legal; a General Manager is a CS
Manager too): he signs one tier, the one his signature leaves every other tier a
signer of its own, and is refused the second, through the ORM as through JSON-RPC.
"""

from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.kefu_credit.tests.test_integrity_overlimit import KefuOverlimitAttackCase
from odoo.addons.kefu_management.tests.common import KefuRpcMixin

from .common import KefuContractCase

EN = {"lang": "en_US"}
ALREADY = "already signed"
OWN = "your own request"
LARGE = 2000000.0  # above the default General Manager amount (CON-9)


class DistinctTiersCase(KefuContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fin_legal = new_test_user(
            cls.env,
            "t_con_fin_legal2",
            groups="account.group_account_manager,kefu_contract.group_kefu_legal",
            name="Finance-Legal Wu",
        )
        cls.gm = new_test_user(
            cls.env,
            "t_con_gm_cs",
            groups="kefu_management.group_kefu_general_manager",
            name="General Manager Zhou",
        )
        cls.gm_group = cls.env.ref("kefu_management.group_kefu_general_manager")
        cls.legal_group = cls.env.ref("kefu_contract.group_kefu_legal")

    def submitted(self, **vals):
        contract = self.make_submitted(**vals)
        self.give_opinions(contract)
        return contract

    def reviews(self, record):
        self.env.invalidate_all()
        return record.review_ids.sorted("sequence").read(["status", "done_by"])

    def only_holders(self, group, *users):
        """Nobody else is active in ``group``: the others are deactivated."""
        (group.users - self.env["res.users"].union(*users)).write({"active": False})


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestContractDistinctTiers(DistinctTiersCase):
    def test_finance_legal_reviewer_signs_finance_when_a_legal_reviewer_exists(self):
        contract = self.submitted()
        contract.with_user(self.fin_legal).validate_tier()
        self.assertEqual(self.review_of(contract, "finance").done_by, self.fin_legal)
        self.assertEqual(self.review_of(contract, "legal").status, "pending")
        before = self.reviews(contract)
        with self.assertRaisesText(UserError, ALREADY):
            contract.with_user(self.fin_legal).validate_tier()
        with self.assertRaisesText(UserError, ALREADY):
            contract.with_user(self.fin_legal).reject_tier()
        self.assertEqual(self.reviews(contract), before)
        self.assertFalse(contract.with_user(self.fin_legal).can_review)
        contract.with_user(self.legal).validate_tier()
        contract.with_user(self.manager).validate_tier()
        self.assertEqual(contract.state, "approved")
        self.assertEqual(contract.review_ids.done_by, self.fin_legal | self.legal | self.manager)

    def test_finance_legal_reviewer_signs_legal_when_only_he_holds_it(self):
        """Parallel tiers: a dedicated Finance reviewer exists, nobody else is in
        Legal. His signature goes to Legal, where he is needed, not to Finance."""
        self.only_holders(self.legal_group, self.fin_legal)
        contract = self.submitted()
        self.assertTrue(contract.with_user(self.fin_legal).can_review)
        contract.with_user(self.fin_legal).validate_tier()
        self.assertEqual(self.review_of(contract, "legal").done_by, self.fin_legal)
        self.assertEqual(self.review_of(contract, "finance").status, "pending")
        self.assertFalse(self.review_of(contract, "finance").done_by)
        with self.assertRaisesText(UserError, ALREADY):
            contract.with_user(self.fin_legal).validate_tier()
        self.assertEqual(self.review_of(contract, "finance").status, "pending")
        contract.with_user(self.finance).validate_tier()
        contract.with_user(self.manager).validate_tier()
        self.assertEqual(contract.state, "approved")

    def test_general_manager_who_signed_the_cs_step_is_refused_at_his_own(self):
        contract = self.submitted(amount=LARGE)
        self.assertIn("management", contract.review_ids.mapped("kefu_contract_role"))
        contract.with_user(self.gm).validate_tier()
        self.assertEqual(self.review_of(contract, "cs").done_by, self.gm)
        contract.with_user(self.finance).validate_tier()
        contract.with_user(self.legal).validate_tier()
        management = self.review_of(contract, "management")
        self.assertEqual(management.status, "pending")
        before = self.reviews(contract)
        self.assertFalse(contract.with_user(self.gm).can_review)
        with self.assertRaisesText(UserError, ALREADY):
            contract.with_user(self.gm).validate_tier()
        self.assertEqual(self.reviews(contract), before)
        self.assertEqual(contract.state, "review")
        contract.with_user(self.general_manager).validate_tier()
        self.assertEqual(contract.state, "approved")
        self.assertEqual(management.done_by, self.general_manager)

    def test_only_general_manager_may_not_sign_the_cs_step(self):
        """With one General Manager, his CS signature would leave his own tier to
        nobody: refused, and the message names that tier and why."""
        self.only_holders(self.gm_group, self.gm)
        contract = self.submitted(amount=LARGE)
        self.assertFalse(contract.with_user(self.gm).can_review)
        with self.assertRaises(UserError) as catcher:
            contract.with_user(self.gm).validate_tier()
        message = str(catcher.exception)
        self.assertIn("Customer Service Credit Opinion", message)
        self.assertIn("nobody else would be left to sign General Manager Review", message)
        self.assertIn("nobody else holds its role", message)
        self.assertNotIn("approved", contract.review_ids.mapped("status"))
        zh = contract.with_user(self.gm).with_context(lang="zh_CN")
        with self.assertRaises(UserError) as catcher:
            zh.validate_tier()
        self.assertIn("没有其他人", str(catcher.exception))
        # The CS Manager signs the CS step, the General Manager his own.
        contract.with_user(self.manager).validate_tier()
        contract.with_user(self.finance).validate_tier()
        contract.with_user(self.legal).validate_tier()
        contract.with_user(self.gm).validate_tier()
        self.assertEqual(contract.state, "approved")

    def test_the_sales_person_never_signs_his_own_contract(self):
        seller = new_test_user(
            self.env,
            "t_con_seller_legal",
            groups="sales_team.group_sale_salesman,kefu_contract.group_kefu_legal",
        )
        contract = self.make_contract(user=seller)
        contract.with_user(seller).action_submit()
        self.give_opinions(contract)
        self.assertFalse(contract.with_user(seller).can_review)
        with self.assertRaisesText(UserError, OWN):
            contract.with_user(seller).validate_tier()
        self.assertNotIn("approved", contract.review_ids.mapped("status"))

    def test_requester_is_no_signer_when_staffing_the_other_tiers(self):
        """The sales person holds Legal: he is nobody's substitute there, so the
        Finance-Legal reviewer signs Legal and leaves Finance to Finance."""
        seller = new_test_user(
            self.env,
            "t_con_seller_legal2",
            groups="sales_team.group_sale_salesman,kefu_contract.group_kefu_legal",
        )
        self.only_holders(self.legal_group, self.fin_legal, seller)
        contract = self.make_contract(user=seller)
        contract.with_user(seller).action_submit()
        self.give_opinions(contract)
        contract.with_user(self.fin_legal).validate_tier()
        self.assertEqual(self.review_of(contract, "legal").done_by, self.fin_legal)


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestBusinessPlanDistinctTiers(DistinctTiersCase):
    def make_plan(self, **vals):
        values = {
            "title": "Valve supply plan 2027",
            "partner_id": self.customer.id,
            "amount": LARGE,
            "customer_type": "regular",
            "financial_tools": "Bank acceptance bills",
            "content": "Framework agreement",
        }
        values.update(vals)
        plan = self.env["kefu.business.plan"].with_user(self.salesman).create(values)
        plan.with_user(self.salesman).action_submit()
        return plan

    def test_cs_finance_reviewer_signs_one_tier_of_a_plan(self):
        both = new_test_user(
            self.env,
            "t_con_cs_finance",
            groups="kefu_management.group_kefu_manager,account.group_account_manager",
        )
        plan = self.make_plan()
        both_plan = plan.with_user(both)
        both_plan.validate_tier()
        signed = plan.review_ids.filtered(lambda r: r.status == "approved")
        self.assertEqual(signed.done_by, both)
        self.assertEqual(len(signed), 1)
        before = self.reviews(plan)
        with self.assertRaisesText(UserError, ALREADY):
            both_plan.validate_tier()
        self.assertEqual(self.reviews(plan), before)
        other = self.finance if signed.kefu_contract_role == "cs" else self.manager
        plan.with_user(other).validate_tier()
        plan.with_user(self.general_manager).validate_tier()
        self.assertEqual(plan.state, "approved")

    def test_general_manager_of_a_plan_signs_one_tier(self):
        plan = self.make_plan()
        plan.with_user(self.gm).validate_tier()
        self.assertEqual(
            plan.review_ids.filtered(lambda r: r.status == "approved").kefu_contract_role, "cs"
        )
        plan.with_user(self.finance).validate_tier()
        with self.assertRaisesText(UserError, ALREADY):
            plan.with_user(self.gm).validate_tier()
        self.assertEqual(plan.state, "review")
        plan.with_user(self.general_manager).validate_tier()
        self.assertEqual(plan.state, "approved")

    def test_only_general_manager_leaves_the_cs_tier_of_a_plan(self):
        self.only_holders(self.gm_group, self.gm)
        plan = self.make_plan()
        with self.assertRaisesText(UserError, "nobody else would be left to sign"):
            plan.with_user(self.gm).validate_tier()
        self.assertNotIn("approved", plan.review_ids.mapped("status"))


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestOverlimitDistinctTiers(KefuOverlimitAttackCase):
    """CRD-3 as configured by a company that adds a Finance check to over-limit
    approvals: the Marketing Manager who is in Finance too signs one of the two."""

    def test_marketing_finance_manager_signs_one_tier(self):
        self.env["tier.definition"].create(
            {
                "name": "Finance Check",
                "model_id": self.env["ir.model"]._get_id(self.Approval._name),
                "review_type": "group",
                "reviewer_group_id": self.env.ref("account.group_account_manager").id,
                "definition_domain": "[]",
                "sequence": 5,
            }
        )
        both = self.make_user(
            "t_marketing_finance",
            "kefu_credit.group_kefu_marketing_manager,account.group_account_manager",
        )
        order = self.make_order(self.customer, 100000.0)
        approval = self.request(order, 50000.0)
        self.assertEqual(len(approval.review_ids), 2)
        approval.with_user(both).validate_tier()
        # Parallel tiers: the first one, Marketing, since Finance has other holders.
        marketing, finance = approval.review_ids.sorted("sequence")
        self.assertEqual((marketing.status, marketing.done_by), ("approved", both))
        self.assertEqual(finance.status, "pending")
        before = self.snapshot(approval)
        with self.assertRaisesRegex(UserError, ALREADY):
            approval.with_user(both).validate_tier()
        self.assertEqual(self.snapshot(approval), before)
        self.assertNotEqual(approval.state, "approved")
        approval.with_user(self.finance).validate_tier()
        self.assertEqual(approval.state, "approved")


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestDistinctTiersRpc(KefuRpcMixin, HttpCase, DistinctTiersCase):
    """The forbidden second signature as an outside JSON-RPC client."""

    def test_rpc_second_signature_is_refused(self):
        contract = self.submitted()
        contract.with_user(self.fin_legal).validate_tier()
        before = self.reviews(contract)
        for method in ("validate_tier", "reject_tier"):
            self.assertRpcRefused(
                "t_con_fin_legal2",
                "kefu.contract",
                method,
                contract.ids,
                context=EN,
                message=ALREADY,
            )
        self.assertEqual(self.reviews(contract), before)
        self.assertEqual(contract.state, "review")

    def test_rpc_general_manager_second_tier_and_unstaffed_tier_are_refused(self):
        contract = self.submitted(amount=LARGE)
        contract.with_user(self.gm).validate_tier()
        contract.with_user(self.finance).validate_tier()
        contract.with_user(self.legal).validate_tier()
        before = self.reviews(contract)
        self.assertRpcRefused(
            "t_con_gm_cs",
            "kefu.contract",
            "validate_tier",
            contract.ids,
            context=EN,
            message=ALREADY,
        )
        self.assertEqual(self.reviews(contract), before)
        self.only_holders(self.gm_group, self.gm)
        other = self.submitted(amount=LARGE)
        self.assertRpcRefused(
            "t_con_gm_cs",
            "kefu.contract",
            "validate_tier",
            other.ids,
            context=EN,
            message="nobody else would be left to sign",
        )
        self.env.invalidate_all()
        self.assertNotIn("approved", other.review_ids.mapped("status"))
        self.assertFalse(other.review_ids.done_by)

    def test_rpc_business_plan_second_signature_is_refused(self):
        plan = (
            self.env["kefu.business.plan"]
            .with_user(self.salesman)
            .create(
                {
                    "title": "RPC plan",
                    "partner_id": self.customer.id,
                    "amount": LARGE,
                    "customer_type": "regular",
                    "financial_tools": "Bills",
                    "content": "Plan",
                }
            )
        )
        plan.with_user(self.salesman).action_submit()
        plan.with_user(self.gm).validate_tier()
        before = self.reviews(plan)
        self.assertRpcRefused(
            "t_con_gm_cs",
            "kefu.business.plan",
            "validate_tier",
            plan.ids,
            context=EN,
            message=ALREADY,
        )
        self.assertEqual(self.reviews(plan), before)


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestPhoneApprovalDistinctTiers(DistinctTiersCase):
    def test_phone_approval_cannot_leave_the_general_manager_tier_unstaffed(self):
        """CON-4: sales support signs in the confirmer's name; the only General
        Manager is not confirmed by phone for the CS step either."""
        self.only_holders(self.gm_group, self.gm)
        contract = self.submitted(amount=LARGE)
        with self.assertRaisesText(UserError, "nobody else would be left to sign"):
            self.env["kefu.contract.phone.approval"].with_user(self.support).create(
                {
                    "contract_id": contract.id,
                    "review_id": self.review_of(contract, "cs").id,
                    "confirmer_id": self.gm.id,
                    "phone": "+86 139 0000 0000",
                }
            )
        self.assertNotIn("approved", contract.review_ids.mapped("status"))
        self.assertFalse(contract.phone_approval_ids)

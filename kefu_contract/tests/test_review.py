from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import KefuContractCase


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestReview(KefuContractCase):
    """CON-1/2/3/9 and CRD-9: submission, tiered review, opinions and bad input."""

    def test_full_review_carries_the_credit_position(self):
        self.customer.with_user(self.manager).write(
            {"kefu_credit_tier": "B", "kefu_credit_tier_reason": "First investigation"}
        )
        self.env["kefu.credit.investigation"].create(
            {
                "partner_id": self.customer.id,
                "state": "done",
                "date_done": date(2026, 1, 5),
                "extra_conditions": "Bank guarantee of 50,000",
            }
        )
        contract = self.make_contract()
        self.assertTrue(contract.name.startswith("SC/"))
        contract.with_user(self.salesman).action_submit()
        self.assertEqual(contract.credit_tier, "B")
        self.assertEqual(contract.credit_limit, self.customer.credit_limit)
        self.assertEqual(contract.extra_conditions, "Bank guarantee of 50,000")
        self.assertEqual(len(contract.review_ids), 3, "Finance, Legal and CS, no GM below the tier")
        self.assertEqual(
            set(contract.review_ids.mapped("kefu_contract_role")), {"finance", "legal", "cs"}
        )
        # CRD-9: Finance signs only with its credit opinion, the contract is approved
        # only with the CS opinion.
        with self.assertRaisesText(UserError, "Finance's opinion"):
            contract.with_user(self.finance).validate_tier()
        self.assertEqual(self.review_of(contract, "finance").status, "pending")
        contract.with_user(self.finance).finance_credit_opinion = "Within the limit."
        contract.with_user(self.finance).validate_tier()
        self.assertEqual(self.review_of(contract, "finance").done_by, self.finance)
        contract.with_user(self.legal).validate_tier()
        self.assertEqual(contract.state, "review")
        # CRD-9: the CS credit opinion is its own step, signed by a CS Manager, and
        # only with the opinion written.
        with self.assertRaisesText(UserError, "Customer Service's opinion"):
            contract.with_user(self.manager).validate_tier()
        self.assertEqual(self.review_of(contract, "cs").status, "pending")
        self.assertEqual(contract.state, "review")
        contract.with_user(self.agent).cs_credit_opinion = "Good payer."
        contract.with_user(self.manager).validate_tier()
        self.assertEqual(contract.state, "approved")
        self.assertTrue(contract.approved_on)

    def test_opinions_belong_to_their_department(self):
        contract = self.make_contract()
        with self.assertRaises(AccessError):
            contract.with_user(self.salesman).cs_credit_opinion = "Fine"
        with self.assertRaises(AccessError):
            contract.with_user(self.agent).finance_credit_opinion = "Fine"

    def test_tiers_by_amount_and_customer_type(self):
        small_new = self.make_contract(amount=200000.0, customer_type="new")
        mid_new = self.make_contract(amount=400000.0, customer_type="new")
        mid_regular = self.make_contract(amount=400000.0, customer_type="regular")
        large = self.make_contract(amount=1500000.0, customer_type="key")
        (small_new | mid_new | mid_regular | large).with_user(self.salesman).action_submit()
        roles = {c: set(c.review_ids.mapped("kefu_contract_role")) for c in (small_new, mid_new)}
        self.assertEqual(roles[small_new], {"finance", "legal", "cs"})
        self.assertEqual(roles[mid_new], {"finance", "legal", "cs", "management"})
        self.assertNotIn("management", mid_regular.review_ids.mapped("kefu_contract_role"))
        self.assertIn("management", large.review_ids.mapped("kefu_contract_role"))
        # The highest tier-definition sequence (Finance) is listed first.
        self.assertEqual(
            large.review_ids.sorted("sequence").mapped("kefu_contract_role"),
            ["finance", "cs", "legal", "management"],
        )

    def test_expired_or_missing_licence_blocks_submission(self):
        expired = self.make_contract(licence_valid_until=date(2020, 1, 1))
        with self.assertRaisesText(UserError, "expired"):
            expired.with_user(self.salesman).action_submit()
        self.assertEqual(expired.state, "draft")
        self.assertFalse(expired.review_ids)
        missing = self.make_contract(licence_number=False)
        with self.assertRaisesText(UserError, "business licence"):
            missing.with_user(self.salesman).action_submit()
        self.assertFalse(missing.submitted_on)

    def test_own_contract_cannot_be_approved_by_its_sales_person(self):
        seller = new_test_user(
            self.env,
            "t_con_fin_seller",
            groups="account.group_account_manager,sales_team.group_sale_salesman",
        )
        contract = self.make_contract(user=seller)
        contract.with_user(seller).action_submit()
        self.give_opinions(contract)
        with self.assertRaisesText(UserError, "your own request"):
            contract.with_user(seller).validate_tier()
        self.assertEqual(self.review_of(contract, "finance").status, "pending")

    def test_cs_manager_signs_only_with_the_cs_opinion_even_first(self):
        # CRD-9: the CS step is signed with its opinion, whichever tier signs first.
        contract = self.make_contract()
        contract.with_user(self.salesman).action_submit()
        with self.assertRaisesText(UserError, "Customer Service's opinion"):
            contract.with_user(self.manager).validate_tier()
        self.assertEqual(self.review_of(contract, "cs").status, "pending")
        contract.with_user(self.agent).cs_credit_opinion = "Pays on time."
        contract.with_user(self.manager).validate_tier()
        self.assertEqual(self.review_of(contract, "cs").status, "approved")

    def test_one_person_signs_one_level(self):
        both = new_test_user(
            self.env,
            "t_con_fin_legal",
            groups="account.group_account_manager,kefu_contract.group_kefu_legal",
        )
        contract = self.make_contract()
        contract.with_user(self.salesman).action_submit()
        self.give_opinions(contract)
        contract.with_user(both).validate_tier()
        approved = contract.review_ids.filtered(lambda r: r.status == "approved")
        self.assertEqual(len(approved), 1, "one click signs one level")
        with self.assertRaisesText(UserError, "already signed"):
            contract.with_user(both).validate_tier()
        contract.with_user(self.legal).validate_tier()
        contract.with_user(self.manager).validate_tier()
        self.assertEqual(contract.state, "approved")

    def test_bad_dates(self):
        with self.assertRaisesText(ValidationError, "ends before it starts"):
            self.make_contract(
                delivery_date_start=date(2027, 3, 1), delivery_date_end=date(2027, 2, 1)
            )
        self.assertFalse(self.Contract.search([("title", "=", "Precision parts 2027")]))
        contract = self.make_contract()
        with self.assertRaisesText(ValidationError, "signature before it is approved"):
            contract.with_user(self.salesman).date_signed = "2027-01-05 08:00:00"
        contract.with_user(self.salesman).action_submit()
        with self.assertRaisesText(UserError, "only after every reviewer"):
            contract.with_user(self.salesman).action_sign()
        self.assertEqual(contract.state, "review")
        self.assertFalse(contract.date_signed)

    def test_reject_then_resubmit(self):
        contract = self.make_contract()
        contract.with_user(self.salesman).action_submit()
        contract.with_user(self.legal).reject_tier()
        self.assertEqual(contract.state, "rejected")
        self.assertTrue(contract.rejected_on)
        contract.with_user(self.salesman).action_draft()
        self.assertEqual(contract.state, "draft")
        self.assertFalse(contract.review_ids)
        contract.with_user(self.salesman).action_submit()
        self.assertEqual(len(contract.review_ids), 3)
        self.approve(contract)
        self.assertEqual(contract.state, "approved")

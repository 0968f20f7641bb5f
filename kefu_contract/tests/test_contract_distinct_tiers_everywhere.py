"""Whoever submitted a contract is one of the people who made the request (CON-3):
refused at signing, and never counted as the signer left for a tier, nor asked
to review it, nor shown it under "To review"."""

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .test_contract_distinct_tiers import OWN
from .test_contract_distinct_tiers import DistinctTiersCase


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestSubmitterIsNoSigner(DistinctTiersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A sales manager who is in Legal as well submits the sales person's contract.
        cls.submitter = new_test_user(
            cls.env,
            "t_con_submitter_legal",
            groups="sales_team.group_sale_salesman_all_leads,kefu_contract.group_kefu_legal",
            name="Sales Manager Ma",
        )
        cls.review_type = cls.env.ref("kefu_management.mail_act_kefu_review")
        cls.fin_legal.lang = "en_US"

    def setUp(self):
        super().setUp()
        # Legal is held by the Finance-Legal reviewer and the submitter only.
        self.only_holders(self.legal_group, self.fin_legal, self.submitter)
        self.contract = self.make_contract()
        self.contract.with_user(self.submitter).action_submit()
        self.give_opinions(self.contract)
        self.assertEqual(self.contract.submitted_by_id, self.submitter)
        self.assertEqual(self.contract.user_id, self.salesman)

    def activities(self, user):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", self.contract._name),
                ("res_id", "=", self.contract.id),
                ("activity_type_id", "=", self.review_type.id),
                ("user_id", "=", user.id),
            ]
        )

    def test_submitter_is_not_the_legal_substitute(self):
        self.assertFalse(self.contract.with_user(self.submitter).can_review)
        with self.assertRaisesText(UserError, OWN):
            self.contract.with_user(self.submitter).validate_tier()
        # Nobody but him could sign Legal: the Finance-Legal reviewer signs Legal
        # and leaves Finance to Finance.
        self.contract.with_user(self.fin_legal).validate_tier()
        self.assertEqual(self.review_of(self.contract, "legal").done_by, self.fin_legal)
        self.assertEqual(self.review_of(self.contract, "finance").status, "pending")

    def test_submitter_is_not_asked_to_review(self):
        self.assertFalse(self.activities(self.submitter))
        asked = self.activities(self.fin_legal)
        self.assertEqual(len(asked), 1)
        self.assertIn(self.review_of(self.contract, "legal").name, asked.summary)

    def test_submitter_does_not_find_it_to_review(self):
        to_review = [("can_review", "=", True)]
        self.env.invalidate_all()
        self.assertNotIn(self.contract, self.Contract.with_user(self.submitter).search(to_review))
        self.assertIn(self.contract, self.Contract.with_user(self.fin_legal).search(to_review))

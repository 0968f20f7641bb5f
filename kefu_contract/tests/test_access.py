from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .common import KefuContractCase


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestAccess(KefuContractCase):
    """Sales see their own contracts, CS all, Finance and Legal those they review."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls.make_contract(title="Mine")
        cls.theirs = cls.make_contract(title="Theirs", user=cls.salesman2)
        cls.submitted = cls.make_contract(title="Submitted")
        cls.submitted.with_user(cls.salesman).action_submit()
        cls.sales_manager = new_test_user(
            cls.env, "t_con_sales_mgr", groups="sales_team.group_sale_manager"
        )
        cls.all_three = cls.mine | cls.theirs | cls.submitted

    def visible(self, user):
        return self.Contract.with_user(user).search([("id", "in", self.all_three.ids)])

    def test_each_role_sees_its_contracts(self):
        self.assertEqual(self.visible(self.salesman), self.mine | self.submitted)
        self.assertEqual(self.visible(self.salesman2), self.theirs)
        self.assertEqual(self.visible(self.sales_manager), self.all_three)
        self.assertEqual(self.visible(self.agent), self.all_three)
        self.assertEqual(self.visible(self.general_manager), self.all_three)
        self.assertEqual(self.visible(self.support), self.all_three)
        self.assertEqual(self.visible(self.finance), self.submitted)
        self.assertEqual(self.visible(self.legal), self.submitted)
        with self.assertRaises(AccessError):
            self.visible(self.employee)

    def test_no_reading_or_writing_around_the_rules(self):
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.salesman).read(["amount"])
        with self.assertRaises(AccessError):
            self.mine.with_user(self.legal).read(["amount"])
        with self.assertRaises(AccessError):
            self.Contract.with_user(self.legal).create(
                {"title": "x", "partner_id": self.customer.id, "amount": 1}
            )
        with self.assertRaises(AccessError):
            self.submitted.with_user(self.salesman).unlink()

    def test_reviewers_open_the_form(self):
        for user in (self.legal, self.finance, self.agent):
            form = Form(self.submitted.with_user(user))
            self.assertEqual(form.title, "Submitted")

"""Issue 18: a reviewer reads who must sign in Chinese: the group with its
application (财务 / 管理员 style full name), not OCA's English "Group 管理员"."""

from odoo.tests import tagged

from .common import KefuContractCase


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestReviewTodoBy(KefuContractCase):
    def test_group_review_names_the_group_with_its_application(self):
        # The company reads Chinese: a review computed by the system (no language in
        # the context) is written in the shared language.
        self.env.company.partner_id.lang = "zh_CN"
        contract = self.make_submitted(amount=1000.0)
        finance = contract.review_ids.filtered(lambda r: r.kefu_contract_role == "finance")
        self.assertTrue(finance)
        group = finance.reviewer_group_id.with_context(lang="zh_CN")
        self.assertEqual(finance.todo_by, group.full_name)
        self.assertIn(" / ", finance.todo_by)
        self.assertNotIn("Group", finance.todo_by)

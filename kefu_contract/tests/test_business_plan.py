"""CON-9: business plans (业务运作方案) reviewed in tiers by customer type and
amount (分级会审); an approved plan changes only with the decision committee's
written approval (决策委员会书面签证), and then goes through its review again."""

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.kefu_management.tests.common import KefuRpcMixin

from .common import KefuContractCase

GUARDED = "change only through the document's own actions"
FROZEN = "no longer a draft"
EN = {"lang": "en_US"}


class KefuBusinessPlanCase(KefuContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Plan = cls.env["kefu.business.plan"]
        cls.committee = new_test_user(
            cls.env,
            "t_con_committee",
            groups="kefu_contract.group_kefu_decision_committee",
            name="Committee Zheng",
        )
        cls.cs_manager2 = new_test_user(
            cls.env, "t_con_cs_manager2", groups="kefu_management.group_kefu_manager"
        )

    @classmethod
    def make_plan(cls, user=None, **vals):
        values = {
            "title": "Valve supply plan 2027",
            "partner_id": cls.customer.id,
            "amount": 450000.0,
            "customer_type": "regular",
            "financial_tools": "Bank acceptance bills",
            "content": "Framework agreement",
        }
        values.update(vals)
        return cls.Plan.with_user(user or cls.salesman).create(values)

    @classmethod
    def make_approved_plan(cls, user=None, **vals):
        plan = cls.make_plan(user=user, **vals)
        plan.with_user(user or cls.salesman).action_submit()
        plan.with_user(cls.manager).validate_tier()
        plan.with_user(cls.finance).validate_tier()
        if plan.needs_general_manager:
            plan.with_user(cls.general_manager).validate_tier()
        return plan

    def change_request(self, plan, user=None, **vals):
        values = {
            "plan_id": plan.id,
            "reason": "Customer asks for more units",
            "new_amount": 520000.0,
        }
        values.update(vals)
        change = (
            self.env["kefu.business.plan.change"].with_user(user or self.salesman).create(values)
        )
        change.action_request()
        return change

    def reread(self, *records):
        self.env.invalidate_all()
        return records


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestBusinessPlanTiers(KefuBusinessPlanCase):
    def roles(self, **vals):
        plan = self.make_plan(**vals)
        plan.with_user(self.salesman).action_submit()
        return set(plan.review_ids.mapped("kefu_contract_role"))

    def test_tiers_follow_customer_type_and_amount_settings(self):
        self.assertEqual(self.roles(), {"cs", "finance"})
        self.assertEqual(self.roles(customer_type="new"), {"cs", "finance", "management"})
        self.assertEqual(self.roles(amount=1000000.0), {"cs", "finance", "management"})
        self.env["res.config.settings"].create(
            {"kefu_con_gm_review_amount": 400000.0, "kefu_con_gm_review_amount_new": 100000.0}
        ).execute()
        self.assertEqual(self.roles(), {"cs", "finance", "management"})
        self.assertEqual(self.roles(amount=300000.0), {"cs", "finance"})

    def test_approved_once_every_tier_signed_by_someone_else(self):
        plan = self.make_plan()
        plan.with_user(self.salesman).action_submit()
        self.assertEqual(plan.state, "review")
        with self.assertRaises(UserError):
            plan.with_user(self.salesman).validate_tier()
        plan.with_user(self.manager).validate_tier()
        self.assertEqual(plan.state, "review")
        with freeze_time("2027-03-01 09:30:00"):
            plan.with_user(self.finance).validate_tier()
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.approved_on, fields.Datetime.to_datetime("2027-03-01 09:30:00"))
        self.assertEqual(plan.version, 1)

    def test_only_a_draft_changes_freely(self):
        plan = self.make_plan()
        plan.with_user(self.salesman).write({"amount": 480000.0})
        self.assertEqual(plan.amount, 480000.0)
        plan.with_user(self.salesman).action_submit()
        with self.assertRaisesText(UserError, FROZEN):
            plan.with_user(self.salesman).write({"amount": 1.0})
        self.assertEqual(plan.amount, 480000.0)


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestBusinessPlanChange(KefuBusinessPlanCase):
    def test_direct_write_after_approval_is_refused_and_nothing_changes(self):
        plan = self.make_approved_plan()
        mine = plan.with_user(self.salesman)
        for vals in (
            {"amount": 999999.0},
            {"partner_id": self.env.user.partner_id.id},
            {"content": "Rewritten"},
            {"customer_type": "key"},
        ):
            with self.subTest(vals=vals), self.assertRaisesText(UserError, FROZEN):
                mine.write(vals)
        for vals in ({"state": "draft"}, {"version": 5}, {"approved_on": False}):
            with self.subTest(vals=vals), self.assertRaisesText(AccessError, GUARDED):
                mine.write(vals)
        self.reread(plan)
        self.assertEqual(
            (plan.state, plan.amount, plan.partner_id, plan.content, plan.version),
            ("approved", 450000.0, self.customer, "Framework agreement", 1),
        )

    def test_committee_written_approval_applies_the_change_and_reopens_the_review(self):
        plan = self.make_approved_plan()
        change = self.change_request(plan, new_content="Framework agreement, 520 units")
        self.assertEqual(change.state, "requested")
        self.assertEqual(plan.amount, 450000.0)
        # Not a committee member: refused, even a CS Manager.
        with self.assertRaises(AccessError):
            change.with_user(self.manager).action_approve()
        # No written approval yet.
        with self.assertRaisesText(UserError, "Write the committee's approval"):
            change.with_user(self.committee).action_approve()
        change.with_user(self.committee).committee_note = "决策委员会2027年第3次会议同意变更"
        with freeze_time("2027-04-02 10:00:00"):
            # The version history is the plan's tracking (disabled in kefu's tests).
            change.with_user(self.committee).with_context(tracking_disable=False).action_approve()
        self.reread(plan, change)
        self.assertEqual(change.state, "approved")
        self.assertEqual(change.signed_by_id, self.committee)
        self.assertEqual(change.signed_on, fields.Datetime.to_datetime("2027-04-02 10:00:00"))
        self.assertEqual((change.old_amount, change.old_content), (450000.0, "Framework agreement"))
        self.assertEqual(change.version, 2)
        self.assertEqual(plan.amount, 520000.0)
        self.assertEqual(plan.content, "Framework agreement, 520 units")
        self.assertEqual(plan.version, 2)
        # 应重新办理方案审批手续: the new version is reviewed again.
        self.assertEqual(plan.state, "review")
        self.assertEqual(len(plan.review_ids), 2)
        self.assertLessEqual(set(plan.review_ids.mapped("status")), {"pending", "waiting"})
        self.assertFalse(plan.review_ids.filtered(lambda r: r.status == "approved"))
        self.env.cr.precommit.run()  # tracking values are written at commit
        tracked = plan.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "amount"
        )
        self.assertEqual(tracked.mapped("old_value_float"), [450000.0])
        plan.with_user(self.cs_manager2).validate_tier()
        plan.with_user(self.finance).validate_tier()
        self.assertEqual(plan.state, "approved")

    def test_refused_change_leaves_the_plan(self):
        plan = self.make_approved_plan()
        change = self.change_request(plan)
        change.with_user(self.committee).action_refuse()
        self.reread(plan, change)
        self.assertEqual((change.state, change.signed_by_id), ("refused", self.committee))
        self.assertEqual((plan.state, plan.amount, plan.version), ("approved", 450000.0, 1))

    def test_nobody_signs_his_own_change(self):
        member = new_test_user(
            self.env,
            "t_con_sales_committee",
            groups="sales_team.group_sale_salesman,kefu_contract.group_kefu_decision_committee",
        )
        plan = self.make_approved_plan(user=member)
        change = self.change_request(plan, user=member)
        change.with_user(self.committee).committee_note = "同意"
        with self.assertRaisesText(UserError, "own request"):
            change.with_user(member).action_approve()
        with self.assertRaisesText(UserError, "own request"):
            change.with_user(member).action_refuse()
        self.reread(plan, change)
        self.assertEqual((change.state, plan.amount), ("requested", 450000.0))

    def test_only_the_committee_writes_its_approval_and_no_one_forges_it(self):
        plan = self.make_approved_plan()
        change = self.change_request(plan)
        with self.assertRaises(AccessError):
            change.with_user(self.salesman).committee_note = "Forged approval"
        for vals in (
            {"state": "approved"},
            {"signed_by_id": self.committee.id},
            {"signed_on": fields.Datetime.now()},
        ):
            with self.subTest(vals=vals), self.assertRaisesText(AccessError, GUARDED):
                change.with_user(self.salesman).write(vals)
            with self.subTest(vals=vals), self.assertRaisesText(AccessError, GUARDED):
                change.with_user(self.committee).write(vals)
        with self.assertRaisesText(UserError, "only while it is a draft"):
            change.with_user(self.salesman).new_amount = 9999999.0
        self.reread(plan, change)
        self.assertEqual(
            (change.state, change.signed_by_id, change.new_amount),
            ("requested", self.env["res.users"], 520000.0),
        )
        self.assertEqual(plan.amount, 450000.0)

    def test_sales_see_their_own_plans_the_committee_sees_all(self):
        plan = self.make_approved_plan()
        other = self.make_plan(user=self.salesman2, title="Other plan")
        change = self.change_request(plan)
        Plan, Change = self.env["kefu.business.plan"], self.env["kefu.business.plan.change"]
        ids = [("id", "in", (plan | other).ids)]
        self.assertEqual(Plan.with_user(self.salesman2).search(ids), other)
        self.assertFalse(Change.with_user(self.salesman2).search([("id", "=", change.id)]))
        self.assertEqual(Plan.with_user(self.committee).search(ids), plan | other)
        self.assertEqual(Change.with_user(self.committee).search([("id", "=", change.id)]), change)
        # A change is not moved to another sales person's plan.
        draft = Change.with_user(self.salesman).create(
            {"plan_id": plan.id, "reason": "More units", "new_amount": 500000.0}
        )
        with self.assertRaisesText(AccessError, GUARDED):
            draft.with_user(self.salesman).plan_id = other
        with self.assertRaises(AccessError):
            Change.with_user(self.salesman).create({"plan_id": other.id, "reason": "Mine now"})
        self.assertEqual(draft.plan_id, plan)

    def test_committee_group_sits_in_the_kefu_category(self):
        group = self.env.ref("kefu_contract.group_kefu_decision_committee")
        self.assertEqual(
            group.category_id.parent_id, self.env.ref("kefu_management.module_category_kefu")
        )
        self.assertEqual(group.with_context(lang="zh_CN").name, "决策委员会成员")


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestBusinessPlanRpc(KefuRpcMixin, HttpCase, KefuBusinessPlanCase):
    def test_rpc_write_of_an_approved_plan_is_refused(self):
        plan = self.make_approved_plan()
        self.assertRpcRefused(
            "t_con_sales",
            "kefu.business.plan",
            "write",
            plan.ids,
            {"amount": 1.0},
            context=EN,
            message=FROZEN,
        )
        self.assertRpcRefused(
            "t_con_sales",
            "kefu.business.plan",
            "write",
            plan.ids,
            {"state": "draft"},
            context=EN,
            message=GUARDED,
        )
        submitted = self.make_plan(title="Forged review")
        submitted.with_user(self.salesman).action_submit()
        self.assertRpcRefused(
            "t_con_sales",
            "tier.review",
            "write",
            submitted.review_ids.ids,
            {"status": "approved", "done_by": self.salesman.id},
            context=EN,
        )
        change = self.change_request(plan)
        self.assertRpcRefused(
            "t_con_sales",
            "kefu.business.plan.change",
            "write",
            change.ids,
            {"state": "approved", "signed_by_id": self.committee.id},
            context=EN,
            message=GUARDED,
        )
        self.env.invalidate_all()
        self.assertEqual((plan.state, plan.amount, plan.version), ("approved", 450000.0, 1))
        self.assertEqual((change.state, change.signed_by_id.id), ("requested", False))
        self.assertEqual(submitted.state, "review")
        self.assertNotIn("approved", submitted.review_ids.mapped("status"))

"""Issue 12, findings 2 and 4: an over-limit approval (CRD-3) is signed by the
Marketing Manager or, above the settings' threshold, the General Manager, never by
its requester; its state, signer, amount and order change only through its actions."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import KefuCreditCase
from .common import KefuCreditRpcMixin

GUARDED = "change only through the document's own actions"
SIGNATURE = "Approval signatures are given only with the Validate and Reject buttons"
OWN = "You cannot approve your own request."


class KefuOverlimitAttackCase(KefuCreditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.set_tier(cls.customer, "B")  # limit 50,000
        cls.Approval = cls.env["kefu.credit.overlimit.approval"]

    def request(self, order, amount, user=None):
        user = user or self.salesman
        approval = self.Approval.with_user(user).create(
            {"order_id": order.id, "amount": amount, "reason": "Season order"}
        )
        approval.with_user(user).action_request()
        return approval

    def snapshot(self, approval):
        self.env.invalidate_all()
        return {
            "approval": approval.read(
                ["state", "amount", "order_id", "requested_by_id", "approved_by_id", "reason"]
            ),
            "reviews": approval.review_ids.read(["status", "done_by"]),
        }


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestOverlimitIntegrity(KefuOverlimitAttackCase):
    def test_salesman_cannot_sign_his_own_request(self):
        """Finding 2: a salesman approved his own over-limit request."""
        order = self.make_order(self.customer, 100000.0)
        approval = self.request(order, 50000.0)
        before = self.snapshot(approval)
        mine = approval.with_user(self.salesman)
        with self.assertRaisesRegex(AccessError, SIGNATURE):
            mine.review_ids.write({"status": "approved", "done_by": self.salesman.id})
        # Through the document: refused (tier validation or the signature guard).
        with self.assertRaises(UserError):
            mine.write({"review_ids": [(1, approval.review_ids.id, {"status": "approved"})]})
        with self.assertRaises(UserError):
            mine.validate_tier()
        self.assertEqual(self.snapshot(approval), before)
        with self.assertRaisesRegex(UserError, "over the credit limit"):
            order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_approval_created_approved(self):
        """Finding 4: created already approved, with approved_by_id set."""
        order = self.make_order(self.customer, 100000.0)
        for vals in (
            {"state": "approved", "approved_by_id": self.marketing.id},
            {"state": "approved"},
            {"approved_by_id": self.marketing.id},
            {"requested_by_id": self.salesman2.id},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(AccessError, GUARDED):
                self.Approval.with_user(self.salesman).create(
                    {"order_id": order.id, "amount": 50000.0, "reason": "Forged", **vals}
                )
        self.env.invalidate_all()
        self.assertFalse(order.kefu_overlimit_approval_ids)
        with self.assertRaisesRegex(UserError, "over the credit limit"):
            order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_approved_amount_and_order_are_frozen(self):
        """Finding 4: a legitimate 10k approval raised to 5,000,000 and moved to a
        900k order, skipping the General Manager's threshold."""
        order = self.make_order(self.customer, 60000.0)
        approval = self.request(order, 10000.0)
        approval.with_user(self.marketing).validate_tier()
        self.assertEqual(approval.state, "approved")
        big = self.make_order(self.customer, 900000.0)
        before = self.snapshot(approval)
        mine = approval.with_user(self.salesman)
        for vals in (
            {"amount": 5000000.0},
            {"order_id": big.id},
            {"amount": 5000000.0, "order_id": big.id},
            {"state": "draft"},
            {"approved_by_id": self.general_manager.id},
            {"reason": "Rewritten"},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(AccessError, GUARDED):
                mine.write(vals)
        self.assertEqual(self.snapshot(approval), before)
        with self.assertRaisesRegex(UserError, "over the credit limit"):
            big.with_user(self.salesman).action_confirm()
        self.assertEqual(big.state, "draft")

    def test_request_is_frozen_once_reported(self):
        """The amount the approver signs is the amount of the request: no change while
        it waits, nor a direct write of the state by an approver."""
        order = self.make_order(self.customer, 60000.0)
        approval = self.request(order, 10000.0)
        before = self.snapshot(approval)
        with self.assertRaisesRegex(AccessError, GUARDED):
            approval.with_user(self.salesman).write({"amount": 500000.0})
        with self.assertRaisesRegex(AccessError, GUARDED):
            approval.with_user(self.marketing).write({"state": "approved"})
        self.assertEqual(self.snapshot(approval), before)

    def test_marketing_manager_cannot_approve_his_own_request(self):
        """Finding 4: a Marketing Manager approves his own request, directly or by
        naming someone else as the requester."""
        order = self.make_order(self.customer, 100000.0, user=self.marketing)
        approval = self.request(order, 50000.0, user=self.marketing)
        before = self.snapshot(approval)
        mine = approval.with_user(self.marketing)
        with self.assertRaisesRegex(UserError, OWN):
            mine.validate_tier()
        with self.assertRaisesRegex(UserError, OWN):
            mine.reject_tier()
        with self.assertRaises(UserError):
            mine.write({"state": "approved"})
        with self.assertRaisesRegex(AccessError, GUARDED):
            mine.write({"requested_by_id": self.salesman.id})
        self.assertEqual(self.snapshot(approval), before)
        with self.assertRaisesRegex(UserError, "over the credit limit"):
            order.with_user(self.marketing).action_confirm()
        # Another Marketing Manager signs it.
        approval.with_user(self.general_manager).validate_tier()
        self.assertEqual(approval.state, "approved")
        self.assertEqual(approval.approved_by_id, self.general_manager)

    def test_cancel_by_a_stranger_is_refused(self):
        order = self.make_order(self.customer, 60000.0)
        approval = self.request(order, 10000.0)
        approval.with_user(self.marketing).validate_tier()
        with self.assertRaises(AccessError):
            approval.with_user(self.salesman2).action_cancel()
        self.env.invalidate_all()
        self.assertEqual(approval.state, "approved")
        approval.with_user(self.salesman).action_cancel()
        self.assertEqual(approval.state, "cancel")


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestOverlimitIntegrityRpc(KefuCreditRpcMixin, HttpCase, KefuOverlimitAttackCase):
    def test_rpc_forged_approvals(self):
        model = "kefu.credit.overlimit.approval"
        order = self.make_order(self.customer, 100000.0)
        vals = {
            "order_id": order.id,
            "amount": 50000.0,
            "reason": "Forged",
            "state": "approved",
            "approved_by_id": self.marketing.id,
        }
        self.assertRpcRefused("t_sales", model, "create", [vals], message=GUARDED)
        self.env.invalidate_all()
        self.assertFalse(order.kefu_overlimit_approval_ids)
        approval = self.request(order, 50000.0)
        before = self.snapshot(approval)
        self.assertRpcRefused(
            "t_sales",
            "tier.review",
            "write",
            approval.review_ids.ids,
            {"status": "approved", "done_by": self.salesman.id},
            message=SIGNATURE,
        )
        self.assertRpcRefused("t_sales", model, "validate_tier", approval.ids)
        self.assertRpcRefused(
            "t_sales", model, "write", approval.ids, {"state": "approved"}, message=GUARDED
        )
        self.assertEqual(self.snapshot(approval), before)
        self.assertRpcRefused("t_sales", "sale.order", "action_confirm", order.ids)
        self.env.invalidate_all()
        self.assertEqual(order.state, "draft")

    def test_rpc_approved_amount_raised_and_moved(self):
        model = "kefu.credit.overlimit.approval"
        order = self.make_order(self.customer, 60000.0)
        approval = self.request(order, 10000.0)
        approval.with_user(self.marketing).validate_tier()
        big = self.make_order(self.customer, 900000.0)
        before = self.snapshot(approval)
        self.assertRpcRefused(
            "t_sales",
            model,
            "write",
            approval.ids,
            {"amount": 5000000.0, "order_id": big.id},
            message=GUARDED,
        )
        self.assertEqual(self.snapshot(approval), before)
        self.assertRpcRefused("t_sales", "sale.order", "action_confirm", big.ids)
        self.env.invalidate_all()
        self.assertEqual(big.state, "draft")

    def test_rpc_marketing_manager_own_request(self):
        model = "kefu.credit.overlimit.approval"
        order = self.make_order(self.customer, 100000.0, user=self.marketing)
        approval = self.request(order, 50000.0, user=self.marketing)
        before = self.snapshot(approval)
        self.assertRpcRefused("t_marketing", model, "validate_tier", approval.ids, message=OWN)
        self.assertRpcRefused(
            "t_marketing",
            model,
            "write",
            approval.ids,
            {"requested_by_id": self.salesman.id},
            message=GUARDED,
        )
        self.assertEqual(self.snapshot(approval), before)

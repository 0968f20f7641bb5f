"""Nobody signs his own request or two tiers of one request (ARC-7, ARC-9, CON-3,
CRD-3), on every kefu approval: one person may hold several roles (a department
manager who is a CS Manager too), signs one tier, and is refused the second,
through the ORM as through JSON-RPC. A signature that would leave another tier
with nobody else to sign it is refused, the message naming that tier and why."""

from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged

from ..archive.test_archive_request import ArchiveRequestCase
from ..common import KefuRpcMixin

EN = {"lang": "en_US"}
ALREADY = "already signed"


class DistinctTiersCase(ArchiveRequestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.Request = cls.env["kefu.archive.request"]
        cls.cs_group = cls.env.ref("kefu_management.group_kefu_manager")
        # A department manager who is a CS Manager as well.
        cls.dm_cs = new_test_user(
            cls.env,
            "t_dm_cs",
            groups="kefu_management.group_kefu_department_manager,"
            "kefu_management.group_kefu_manager",
            name="Manager Feng",
        )

    def submitted(self, user=None, approver=None):
        request = self._request(user=user, approver_id=(approver or self.dm_cs).id)
        request.with_user(user or self.employee).action_submit()
        return request

    def reviews(self, record):
        self.env.invalidate_all()
        return record.review_ids.sorted("sequence").read(["status", "done_by"])

    def only_holders(self, group, *users):
        """Nobody else is active in ``group``: the others are deactivated."""
        (group.users - self.env["res.users"].union(*users)).write({"active": False})


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestDistinctTiers(DistinctTiersCase):
    def test_every_kefu_approval_has_distinct_tiers(self):
        models = self.env["kefu.approval.mixin"]._kefu_approval_models()
        self.assertIn("kefu.archive.borrow", models)
        self.assertIn("kefu.archive.request", models)
        for name in models:
            self.assertTrue(self.env[name]._kefu_distinct_tiers, name)

    def test_department_manager_and_cs_manager_signs_one_tier(self):
        request = self.submitted()
        request.with_user(self.dm_cs).validate_tier()
        first, second = request.review_ids.sorted("sequence")
        self.assertEqual((first.status, first.done_by), ("approved", self.dm_cs))
        self.assertEqual(second.status, "pending")
        before = self.reviews(request)
        self.assertFalse(request.with_user(self.dm_cs).can_review)
        with self.assertRaisesRegex(UserError, ALREADY):
            request.with_user(self.dm_cs).validate_tier()
        with self.assertRaisesRegex(UserError, ALREADY):
            request.with_user(self.dm_cs).reject_tier()
        self.assertEqual(self.reviews(request), before)
        self.assertEqual(request.state, "submitted")
        request.with_user(self.manager).validate_tier()
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.review_ids.done_by, self.dm_cs | self.manager)

    def test_sole_cs_manager_may_not_sign_as_department_manager(self):
        self.only_holders(self.cs_group, self.dm_cs)
        request = self.submitted()
        self.assertFalse(request.with_user(self.dm_cs).can_review)
        with self.assertRaises(UserError) as catcher:
            request.with_user(self.dm_cs).validate_tier()
        message = str(catcher.exception)
        self.assertIn("Department manager signs the information request", message)
        self.assertIn("nobody else would be left to sign CS Manager approves", message)
        self.assertIn("nobody else holds its role", message)
        self.assertNotIn("approved", request.review_ids.mapped("status"))
        with self.assertRaises(UserError) as catcher:
            request.with_user(self.dm_cs).with_context(lang="zh_CN").validate_tier()
        self.assertIn("没有其他人", str(catcher.exception))

    def test_the_requester_does_not_count_as_the_other_signer(self):
        """The only other CS Manager made the request: nobody is left for the CS
        tier, and the message says so."""
        requester = new_test_user(
            self.env,
            "t_cs_requester",
            groups="kefu_management.group_kefu_manager",
            name="Requester Hu",
        )
        self.only_holders(self.cs_group, self.dm_cs, requester)
        request = self.submitted(user=requester)
        with self.assertRaises(UserError) as catcher:
            request.with_user(self.dm_cs).validate_tier()
        self.assertIn("made this request or have already signed it", str(catcher.exception))
        self.assertIn("Requester Hu", str(catcher.exception))
        self.assertNotIn("approved", request.review_ids.mapped("status"))

    def test_nobody_signs_his_own_request(self):
        request = self.submitted(user=self.manager, approver=self.dept_manager)
        request.with_user(self.dept_manager).validate_tier()
        before = self.reviews(request)
        self.assertFalse(request.with_user(self.manager).can_review)
        with self.assertRaisesRegex(UserError, "your own request"):
            request.with_user(self.manager).validate_tier()
        self.assertEqual(self.reviews(request), before)


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestDistinctTiersRpc(KefuRpcMixin, HttpCase, DistinctTiersCase):
    """The forbidden signatures as an outside JSON-RPC client."""

    def test_rpc_second_tier_and_own_request_are_refused(self):
        request = self.submitted()
        request.with_user(self.dm_cs).validate_tier()
        before = self.reviews(request)
        for method in ("validate_tier", "reject_tier"):
            self.assertRpcRefused(
                "t_dm_cs",
                "kefu.archive.request",
                method,
                request.ids,
                context=EN,
                message=ALREADY,
            )
        self.assertEqual(self.reviews(request), before)
        own = self.submitted(user=self.manager, approver=self.dept_manager)
        own.with_user(self.dept_manager).validate_tier()
        before = self.reviews(own)
        self.assertRpcRefused(
            "t_manager",
            "kefu.archive.request",
            "validate_tier",
            own.ids,
            context=EN,
            message="your own request",
        )
        self.assertEqual(self.reviews(own), before)

    def test_rpc_signature_leaving_a_tier_unstaffed_is_refused(self):
        self.only_holders(self.cs_group, self.dm_cs)
        request = self.submitted()
        self.assertRpcRefused(
            "t_dm_cs",
            "kefu.archive.request",
            "validate_tier",
            request.ids,
            context=EN,
            message="nobody else would be left to sign",
        )
        self.env.invalidate_all()
        self.assertFalse(request.review_ids.done_by)
        self.assertNotIn("approved", request.review_ids.mapped("status"))

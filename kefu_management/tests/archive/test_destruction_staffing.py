"""Issue 18, point 3: destruction with real staffing (ARC-9). Each tier of one
request is signed by a different person holding that tier's role; the General
Manager, whose group implies the Supervisor's and the CS Manager's, signs only his
own tier; the demo staff complete the flow."""

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import KefuArchiveCase


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestDestructionStaffing(KefuArchiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.demo_agent = ref("kefu_management.kefu_user_agent_demo")
        cls.demo_supervisor = ref("kefu_management.kefu_user_supervisor_demo")
        cls.demo_manager = ref("kefu_management.kefu_user_manager_demo")
        cls.demo_gm = ref("base.user_admin")
        cls.huaxin = ref("kefu_management.kefu_archive_huaxin_demo")
        cls.Destruction = cls.env["kefu.archive.destruction"]

    def request(self, user, archive=None):
        request = self.Destruction.with_user(user).create(
            {"archive_id": (archive or self.huaxin).id, "reason": "Superseded paper copy"}
        )
        request.with_user(user).request_validation()
        return request

    def test_demo_staff_complete_a_destruction(self):
        # ARC-9: the agent keeping the archive reports it; he never signs.
        request = self.request(self.demo_agent)
        # The General Manager holds the Supervisor's role, but the supervisor signs,
        # approving or rejecting: no Validate button for him yet.
        self.assertTrue(request.with_user(self.demo_supervisor).can_review)
        self.assertFalse(request.with_user(self.demo_gm).can_review)
        with self.assertRaises(UserError):
            request.with_user(self.demo_gm).validate_tier()
        with self.assertRaises(UserError):
            request.with_user(self.demo_gm).reject_tier()
        self.assertFalse(request.review_ids.filtered(lambda r: r.status == "rejected"))
        request.with_user(self.demo_supervisor).validate_tier()
        with self.assertRaises(UserError):
            request.with_user(self.demo_gm).validate_tier()
        request.with_user(self.demo_manager).validate_tier()
        self.assertFalse(request.validated)
        self.assertTrue(request.with_user(self.demo_gm).can_review)
        request.with_user(self.demo_gm).validate_tier()
        self.assertTrue(request.validated)
        self.assertEqual(
            request.review_ids.sorted("sequence").mapped("done_by"),
            self.demo_supervisor | self.demo_manager | self.demo_gm,
        )
        request.with_user(self.demo_gm).action_destroy()
        self.assertEqual(request.state, "destroyed")
        self.assertTrue(self.huaxin.destroyed)

    def test_demo_request_can_be_completed_by_the_demo_staff(self):
        request = self.Destruction.search([("archive_id", "=", self.huaxin.id)])
        self.assertEqual(len(request), 1)
        self.assertEqual(request._kefu_requester(), self.demo_agent)
        self.assertEqual(request.state, "draft")
        self.assertEqual(len(request.review_ids), 3)

    def test_one_person_holding_two_roles_signs_one_tier(self):
        """The only Customer-Info Supervisor is also a CS Manager: he signs the
        Supervisor's tier, another CS Manager the next one."""
        both = new_test_user(
            self.env,
            "t_supervisor_manager",
            groups="kefu_management.group_kefu_info_supervisor,kefu_management.group_kefu_manager",
        )
        (self.supervisor | self.demo_supervisor).active = False
        request = self.request(self.demo_agent)
        request.with_user(both).validate_tier()
        with self.assertRaises(UserError):
            request.with_user(both).validate_tier()
        request.with_user(self.demo_manager).validate_tier()
        request.with_user(self.demo_gm).validate_tier()
        self.assertTrue(request.validated)

    def test_gm_does_not_sign_a_tier_that_would_leave_his_own_unsigned(self):
        """The supervisor asks: with one General Manager, the GM may not sign the
        Supervisor's tier, since nobody would be left for his own."""
        # Only the demo staff: one supervisor (the requester), one General Manager.
        (self.general_manager | self.supervisor).active = False
        request = self.request(self.demo_supervisor)
        with self.assertRaisesRegex(UserError, "nobody else"):
            request.with_user(self.demo_gm).validate_tier()
        self.assertFalse(request.review_ids.filtered(lambda r: r.status == "approved"))

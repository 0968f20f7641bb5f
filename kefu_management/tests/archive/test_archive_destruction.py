from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import KefuArchiveCase


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestArchiveDestruction(KefuArchiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The requester never signs: a second CS Manager does.
        cls.manager2 = new_test_user(
            cls.env, "t_manager2", groups="kefu_management.group_kefu_manager"
        )
        cls.supervisor2 = new_test_user(
            cls.env, "t_supervisor2", groups="kefu_management.group_kefu_info_supervisor"
        )

    def test_destruction_needs_the_three_approvals_in_order(self):
        archive = self.archives["secret"]
        # Requested by a CS Manager, who then never signs it.
        request = (
            self.env["kefu.archive.destruction"]
            .with_user(self.manager)
            .create({"archive_id": archive.id, "reason": "Obsolete"})
        )
        request.request_validation()
        with self.assertRaises(UserError):
            request.with_user(self.general_manager).action_destroy()
        self.assertEqual(archive.org_structure, "structure secret")
        # The CS Manager cannot sign before the Customer-Info Supervisor.
        with self.assertRaises(UserError):
            request.with_user(self.manager2).validate_tier()
        self.assertFalse(request.validated)
        request.with_user(self.supervisor).validate_tier()
        request.with_user(self.manager2).validate_tier()
        self.assertFalse(request.validated)
        request.with_user(self.general_manager).validate_tier()
        self.assertTrue(request.validated)
        self.assertEqual(
            request.review_ids.sorted("sequence").done_by,
            self.supervisor | self.manager2 | self.general_manager,
        )
        request.with_user(self.general_manager).action_destroy()
        self.assertEqual(request.state, "destroyed")
        self.assertFalse(archive.org_structure)
        self.assertFalse(archive.active)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "kefu.archive"), ("res_id", "=", archive.id)]
            )
        )
        for user in (self.supervisor, self.manager2, self.general_manager):
            self.assertIn(user.name, request.certificate)
        self.assertIn("Organisation Structure", request.certificate)

    def test_one_person_signs_once_and_never_their_own_request(self):
        request = (
            self.env["kefu.archive.destruction"]
            .with_user(self.supervisor)
            .create({"archive_id": self.archives["none"].id, "reason": "Obsolete"})
        )
        request.request_validation()
        with self.assertRaises(UserError):
            request.with_user(self.supervisor).validate_tier()
        # ARC-9: the General Manager's group implies the Supervisor's, but he signs
        # only his own tier; each tier by a different holder of its role.
        with self.assertRaises(UserError):
            request.with_user(self.general_manager).validate_tier()
        request.with_user(self.supervisor2).validate_tier()
        with self.assertRaises(UserError):
            request.with_user(self.supervisor2).validate_tier()
        self.assertEqual(len(request.review_ids.filtered(lambda r: r.status == "approved")), 1)

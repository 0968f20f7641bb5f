from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "kefu", "kefu_archive", "kefu_tour")
class TestDestructionTour(HttpCase):
    def test_demo_staff_destroy_an_archive_in_the_browser(self):
        """ARC-9, issue 18: the agent asks, the supervisor, the CS Manager and the
        General Manager each sign their own tier; the GM is not offered the others."""
        ref = self.env.ref
        archive = ref("kefu_management.kefu_archive_huaxin_demo")
        request = (
            self.env["kefu.archive.destruction"]
            .with_user(ref("kefu_management.kefu_user_agent_demo"))
            .create({"archive_id": archive.id, "reason": "Superseded paper copy"})
        )
        request.request_validation()
        url = f"/odoo/action-kefu_management.kefu_archive_destruction_action/{request.id}"
        self.start_tour(url, "kefu_destruction_waits_tour", login="admin")
        for login in ("kefu_supervisor", "kefu_manager"):
            self.start_tour(url, "kefu_destruction_sign_tour", login=login)
        self.start_tour(url, "kefu_destruction_waits_tour", login="kefu_agent")
        self.start_tour(url, "kefu_destruction_sign_tour", login="admin")
        self.assertTrue(request.validated)
        self.assertEqual(
            request.review_ids.sorted("sequence").done_by.mapped("login"),
            ["kefu_supervisor", "kefu_manager", "admin"],
        )
        self.start_tour(url, "kefu_destruction_destroy_tour", login="admin")
        self.assertEqual(request.state, "destroyed")
        self.assertTrue(archive.destroyed)

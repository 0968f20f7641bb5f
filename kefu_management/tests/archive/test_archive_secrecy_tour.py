from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "kefu", "kefu_archive", "kefu_tour")
class TestArchiveSecrecyTour(HttpCase):
    """Issue 18, points 1 and 2 (ARC-11) in the browser, as the demo staff."""

    def _archive(self, name):
        partner = self.env["res.partner"].create({"name": name, "is_company": True})
        return self.env["kefu.archive"].create({"partner_id": partner.id})

    def test_agent_classifies_an_archive_through_the_wizard(self):
        archive = self._archive("定密测试客户")
        url = f"/odoo/action-kefu_management.kefu_archive_action/{archive.id}"
        self.start_tour(url, "kefu_archive_classify_tour", login="kefu_agent")
        self.assertEqual(archive.secrecy_level, "secret")
        self.assertTrue(archive.secrecy_end)
        bodies = archive.message_ids.mapped("body")
        self.assertTrue(any("客户商务条款保密" in (body or "") for body in bodies), bodies)

    def test_dragging_a_card_to_another_level_changes_nothing(self):
        archive = self._archive("拖拽测试客户")
        self.assertEqual(archive.secrecy_level, "none")
        url = "/odoo/action-kefu_management.kefu_archive_action?view_type=kanban"
        self.start_tour(url, "kefu_archive_kanban_no_drag_tour", login="kefu_manager")
        archive.invalidate_recordset()
        self.assertEqual(archive.secrecy_level, "none")
        self.assertFalse(archive.classified_on)

"""Issue 18, point 1: classify, change the secrecy level or declassify from the
archive form (ARC-11, ARC-12), and secrecy columns in level order."""

from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import LEVELS
from .common import KefuArchiveCase


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestArchiveSecrecyUi(KefuArchiveCase):
    def buttons(self, user, archive):
        Archive = self.Archive.with_user(user)
        view = Archive.get_views([(False, "form")])["views"]["form"]
        arch = etree.fromstring(view["arch"])
        return {node.get("name"): node for node in arch.xpath("//header/button")}

    def test_form_offers_classify_change_and_declassify(self):
        buttons = self.buttons(self.agent, self.archives["none"])
        self.assertEqual(buttons["action_open_secrecy_wizard"].get("string"), "Classify")
        self.assertIn(
            "secrecy_level != 'none'", buttons["action_open_secrecy_wizard"].get("invisible")
        )
        self.assertIn("action_open_change_secrecy_wizard", buttons)
        # Declassifying ends the secrecy early: CS Managers only (ARC-12).
        self.assertNotIn("action_open_declassify_wizard", buttons)
        self.assertIn(
            "action_open_declassify_wizard", self.buttons(self.manager, self.archives["none"])
        )

    def test_classify_then_declassify_through_the_wizards(self):
        archive = self.archives["none"]
        action = archive.with_user(self.agent).action_open_secrecy_wizard()
        wizard = Form(
            self.env[action["res_model"]].with_user(self.agent).with_context(action["context"])
        )
        wizard.secrecy_level = "secret"
        wizard.secrecy_end = "2099-12-31"
        wizard.reason = "Ordinary business with this customer"
        wizard.save().action_apply()
        self.assertEqual(archive.secrecy_level, "secret")
        # An agent may not declassify; a CS Manager does, with a reason.
        with self.assertRaises(AccessError):
            archive.with_user(self.agent).action_open_declassify_wizard()
        action = archive.with_user(self.manager).action_open_declassify_wizard()
        self.assertEqual(action["context"]["default_secrecy_level"], "none")
        wizard = Form(
            self.env[action["res_model"]].with_user(self.manager).with_context(action["context"])
        )
        wizard.reason = "No longer important business"
        wizard.save().action_apply()
        self.assertEqual(archive.secrecy_level, "none")

    def test_secrecy_columns_run_in_level_order(self):
        Archive = self.Archive.with_user(self.general_manager)
        for lazy in (True, False):
            groups = Archive.read_group([], ["__count"], ["secrecy_level"], lazy=lazy)
            levels = [group["secrecy_level"] for group in groups]
            self.assertEqual(levels, [level for level in LEVELS if level in levels])
            self.assertGreaterEqual(len(levels), 4)
        groups = Archive.web_read_group([], ["__count"], ["secrecy_level"])["groups"]
        levels = [group["secrecy_level"] for group in groups]
        self.assertEqual(levels, list(LEVELS))

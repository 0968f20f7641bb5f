from odoo.tests import tagged

from ..common import KefuCase


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestInstall(KefuCase):
    def test_addons_installed_with_their_dependencies(self):
        modules = self.env["ir.module.module"].search(
            [
                (
                    "name",
                    "in",
                    [
                        "kefu_management",
                        "helpdesk_mgmt",
                        "base_tier_validation",
                        "report_xlsx",
                        "crm",
                        "resource",
                        "mail",
                    ],
                )
            ]
        )
        self.assertEqual(set(modules.mapped("state")), {"installed"})
        self.assertEqual(len(modules), 7)

    def test_top_menu_visible_to_agents_not_to_other_employees(self):
        root = self.env.ref("kefu_management.kefu_menu_root")
        archives = self.env.ref("kefu_management.kefu_archive_menu")
        visible_agent = self.env["ir.ui.menu"].with_user(self.agent)._visible_menu_ids()
        visible_employee = self.env["ir.ui.menu"].with_user(self.employee)._visible_menu_ids()
        self.assertIn(archives.id, visible_agent)
        self.assertNotIn(archives.id, visible_employee)
        config = self.env.ref("kefu_management.kefu_menu_config")
        self.assertNotIn(config.id, visible_agent)
        visible_manager = self.env["ir.ui.menu"].with_user(self.manager)._visible_menu_ids()
        self.assertIn(root.id, visible_manager)
        self.assertIn(config.id, visible_manager)

    def test_settings_section_renders_with_every_rule_number(self):
        arch = self.env["res.config.settings"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="kefu_management"', arch)
        for field in ("kefu_calendar_id", "kefu_arc_form_days", "kefu_arc_reverify_days"):
            self.assertIn(f'name="{field}"', arch)

    def test_menu_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        root = self.env.ref("kefu_management.kefu_menu_root").with_context(lang="zh_CN")
        self.assertEqual(root.name, "客服部")

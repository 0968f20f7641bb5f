"""Issue 18: what a version corrects reaches databases installed before it.

``-u`` keeps the translations records already have and never rewrites noupdate
records; the migrations call ``kefu.upgrade._kefu_refresh_translations``, which
brings kefu's previous texts to today's and leaves an administrator's own alone.
Each test puts a record back the way an older install left it, runs the step of
the migration and reads the result.
"""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestUpgradeRefreshesShippedTranslations(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.upgrade = cls.env["kefu.upgrade"]

    def field_label(self, model, field):
        return self.env[model].with_context(lang="zh_CN").fields_get([field])[field]["string"]

    def test_field_label_of_an_older_install_corrected(self):
        if "kefu.credit.emergency.report" not in self.env:
            self.skipTest("kefu_credit not installed")
        field = self.env.ref("kefu_credit.field_kefu_credit_emergency_report__decision_date")
        field.update_field_translations("field_description", {"zh_CN": "决定措施；即时通知。"})
        self.assertEqual(
            self.field_label("kefu.credit.emergency.report", "decision_date"),
            "决定措施；即时通知。",
        )
        self.assertGreater(self.upgrade._kefu_refresh_translations("kefu_credit", "18.0.1.2.0"), 0)
        self.assertEqual(
            self.field_label("kefu.credit.emergency.report", "decision_date"), "决定日期"
        )

    def test_field_label_an_administrator_wrote_kept(self):
        if "kefu.credit.emergency.report" not in self.env:
            self.skipTest("kefu_credit not installed")
        field = self.env.ref("kefu_credit.field_kefu_credit_emergency_report__decision_date")
        field.update_field_translations("field_description", {"zh_CN": "裁定日期"})
        self.upgrade._kefu_refresh_translations("kefu_credit", "18.0.1.2.0")
        self.assertEqual(
            self.field_label("kefu.credit.emergency.report", "decision_date"), "裁定日期"
        )

    def test_selection_value_of_an_older_install_corrected(self):
        if "kefu.contract.custody.log" not in self.env:
            self.skipTest("kefu_contract not installed")
        value = self.env.ref("kefu_contract.selection__kefu_contract_custody_log__action__received")
        value.update_field_translations("name", {"zh_CN": "接收保管时间"})
        self.upgrade._kefu_refresh_translations("kefu_contract", "18.0.1.3.0")
        action = self.env["kefu.contract.custody.log"].with_context(lang="zh_CN")
        selection = dict(action.fields_get(["action"])["action"]["selection"])
        self.assertEqual(selection["received"], "接收保管")

    def test_printed_section_title_of_an_older_install_corrected(self):
        # ARC-1: the printed archive's first and last sections as the rulebook
        # names them, also in a database that printed 基础资料 / 交易状况 before.
        view = self.env.ref("kefu_management.kefu_archive_report_document")
        view.update_field_translations(
            "arch_db", {"zh_CN": {"Basic Profile": "基础资料", "Trade Status": "交易状况"}}
        )
        self.assertIn("基础资料", view.with_context(lang="zh_CN").arch_db)
        self.upgrade._kefu_refresh_translations("kefu_management", "18.0.1.3.0")
        arch = view.with_context(lang="zh_CN").arch_db
        self.assertIn("客户基本档案", arch)
        self.assertIn("交易活动现状", arch)
        self.assertNotIn("基础资料", arch)

    def test_printed_section_title_an_administrator_wrote_kept(self):
        view = self.env.ref("kefu_management.kefu_archive_report_document")
        view.update_field_translations("arch_db", {"zh_CN": {"Basic Profile": "客户概况"}})
        self.upgrade._kefu_refresh_translations("kefu_management", "18.0.1.3.0")
        arch = view.with_context(lang="zh_CN").arch_db
        self.assertIn("客户概况", arch)
        self.assertNotIn("客户基本档案", arch)


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestUpgradeRenamesShippedTierDefinitions(TransactionCase):
    """Tier definitions are noupdate records: an older install keeps their former
    names (合同：财务审核, 超额：营销经理 ...) unless the migration renames them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")

    def set_names(self, tier, english, chinese):
        tier.with_context(lang="en_US").name = english
        tier.update_field_translations("name", {"zh_CN": chinese})

    def names(self, tier):
        tier.invalidate_recordset(["name"])
        return tier.with_context(lang="en_US").name, tier.with_context(lang="zh_CN").name

    def test_contract_tier_of_an_older_install_renamed(self):
        if "kefu.contract" not in self.env:
            self.skipTest("kefu_contract not installed")
        tier = self.env.ref("kefu_contract.tier_definition_contract_finance")
        self.set_names(tier, "Contract: Finance review", "合同：财务审核")
        self.env["kefu.upgrade"]._kefu_refresh_translations("kefu_contract", "18.0.1.3.0")
        self.assertEqual(self.names(tier), ("Finance Review", "财务审核"))

    def test_credit_tier_of_an_older_install_renamed(self):
        if "kefu.credit.investigation" not in self.env:
            self.skipTest("kefu_credit not installed")
        tier = self.env.ref("kefu_credit.tier_definition_overlimit_marketing")
        self.set_names(tier, "Over-limit: Marketing Manager", "超额：营销经理")
        self.env["kefu.upgrade"]._kefu_refresh_translations("kefu_credit", "18.0.1.2.0")
        self.assertEqual(self.names(tier), ("Marketing Manager Approval", "营销经理审批"))

    def test_tier_an_administrator_renamed_kept(self):
        if "kefu.contract" not in self.env:
            self.skipTest("kefu_contract not installed")
        tier = self.env.ref("kefu_contract.tier_definition_contract_legal")
        self.set_names(tier, "Contract: Legal review", "法务部会签")
        self.env["kefu.upgrade"]._kefu_refresh_translations("kefu_contract", "18.0.1.3.0")
        self.assertEqual(self.names(tier), ("Contract: Legal review", "法务部会签"))


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestUpgradeDropsWithdrawnDemoRecords(TransactionCase):
    """The demo make-up day (11 October) is no longer shipped: the year's official
    days come from chinesecalendar. An older demo database drops it, unless someone
    changed it."""

    WITHDRAWN = {"kefu_management.kefu_makeup_day_demo": {"name": "National Day make-up day"}}

    def old_demo_day(self, name):
        existing = self.env.ref("kefu_management.kefu_makeup_day_demo", raise_if_not_found=False)
        if existing:
            existing.unlink()
        day = self.env["kefu.makeup.day"].create(
            {
                "name": name,
                "date": "2031-10-11",
                "calendar_id": self.env.ref("resource.resource_calendar_std").id,
                "work_as": "0",
            }
        )
        self.env["ir.model.data"].create(
            {
                "module": "kefu_management",
                "name": "kefu_makeup_day_demo",
                "model": "kefu.makeup.day",
                "res_id": day.id,
                "noupdate": True,
            }
        )
        return day

    def test_shipped_demo_make_up_day_dropped(self):
        day = self.old_demo_day("National Day make-up day")
        self.assertEqual(self.env["kefu.upgrade"]._kefu_drop_withdrawn_records(self.WITHDRAWN), 1)
        self.assertFalse(day.exists())
        self.assertFalse(
            self.env.ref("kefu_management.kefu_makeup_day_demo", raise_if_not_found=False)
        )

    def test_demo_make_up_day_someone_renamed_kept(self):
        day = self.old_demo_day("国庆调休（公司安排）")
        self.assertEqual(self.env["kefu.upgrade"]._kefu_drop_withdrawn_records(self.WITHDRAWN), 0)
        self.assertTrue(day.exists())

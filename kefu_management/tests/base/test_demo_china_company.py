"""Issue 14: the demo data is a Chinese company's, on China's official calendar."""

import os
import re
from datetime import date
from unittest.mock import patch

from freezegun import freeze_time
from lxml import etree

from odoo.modules.module import get_manifest
from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged

CJK = re.compile(r"[\u3400-\u9fff]")
KEFU_ADDONS = ("kefu_management", "kefu_credit", "kefu_contract")
# Customers and people: names, not translated, written in Chinese in the demo files.
NAMED_MODELS = {"res.partner", "res.users"}


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestDemoChineseCompany(TransactionCase):
    """Read from the demo files: Odoo 18 loads demo data at install only, so a
    database made before a change keeps the old names."""

    def test_demo_customers_products_and_people_have_chinese_names(self):
        names = {}
        for addon in KEFU_ADDONS:
            manifest = get_manifest(addon)
            for path in manifest.get("demo", []):
                tree = etree.parse(os.path.join(get_module_path(addon), path))
                for record in tree.iter("record"):
                    if record.get("model") not in NAMED_MODELS:
                        continue
                    for field in record.iter("field"):
                        if field.get("name") in ("name", "city"):
                            names[f"{addon} {record.get('id')}"] = field.text
        self.assertGreater(len(names), 20)
        english = {key: name for key, name in names.items() if not CJK.search(name or "")}
        self.assertFalse(english, f"demo names not in Chinese: {english}")

    def test_demo_company_is_in_china_and_keeps_its_books_in_cny(self):
        # The database is made as Odoo's database manager makes it for a company in
        # China (scripts/common.sh install_china_db): account then installs China's
        # chart of accounts and posts its demo entries in CNY (issue 14).
        company = self.env.ref("base.main_company")
        self.assertEqual(company.country_id.code, "CN")
        self.assertEqual(company.currency_id, self.env.ref("base.CNY"))
        self.assertEqual(company.resource_calendar_id.tz, "Asia/Shanghai")
        if "account.move.line" in self.env:
            lines = self.env["account.move.line"].sudo().search([("company_id", "=", company.id)])
            self.assertLessEqual(set(lines.company_currency_id.mapped("name")), {"CNY"})

    def test_demo_products_read_in_chinese(self):
        # A product's name is translated: English source, zh_CN from the po file.
        data = self.env["ir.model.data"].search(
            [("model", "=", "product.product"), ("module", "in", KEFU_ADDONS)]
        )
        products = self.env["product.product"].browse(data.mapped("res_id"))
        if not products:
            self.skipTest("database without kefu's demo data")
        self.env["res.lang"]._activate_lang("zh_CN")
        names = products.with_context(lang="zh_CN").mapped("name")
        self.assertFalse([n for n in names if not CJK.search(n)], names)


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestDemoLoadsChinaYear(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env.ref("resource.resource_calendar_std")
        cls.Wizard = cls.env["kefu.holiday.import"]

    def _days(self, year):
        Leave = self.env["resource.calendar.leaves"]
        leaves = Leave.search(
            [
                ("calendar_id", "=", self.calendar.id),
                ("resource_id", "=", False),
                ("date_from", ">=", f"{year - 1}-12-31"),
                ("date_from", "<", f"{year}-12-31"),
            ]
        )
        makeups = self.env["kefu.makeup.day"].search(
            [
                ("calendar_id", "=", self.calendar.id),
                ("date", ">=", date(year, 1, 1)),
                ("date", "<=", date(year, 12, 31)),
            ]
        )
        return leaves, makeups

    def test_demo_loads_this_years_official_calendar_once(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["resource.calendar.leaves"].search(
            [
                ("calendar_id", "=", self.calendar.id),
                ("date_from", ">=", "2025-12-31"),
                ("date_from", "<", "2026-12-31"),
            ]
        ).unlink()
        self.env["kefu.makeup.day"].search(
            [
                ("calendar_id", "=", self.calendar.id),
                ("date", ">=", date(2026, 1, 1)),
                ("date", "<=", date(2026, 12, 31)),
            ]
        ).unlink()
        with freeze_time("2026-03-10 02:00:00"):
            self.Wizard._kefu_demo_load_china_year()
            leaves, makeups = self._days(2026)
            # Spring Festival 15-23 February and its make-up Saturdays 14 and 28 February.
            self.assertIn("春节", leaves.mapped("name"))
            self.assertIn(date(2026, 2, 14), makeups.mapped("date"))
            self.assertIn(date(2026, 2, 28), makeups.mapped("date"))
            self.assertEqual(len(leaves), 7)  # seven official holidays in 2026
            self.assertEqual(len(makeups), 6)
            # Demo data loads again on every update: nothing is added twice.
            self.Wizard._kefu_demo_load_china_year()
            self.assertEqual(self._days(2026), (leaves, makeups))

    def test_demo_skips_a_year_the_package_does_not_know(self):
        with (
            freeze_time("2026-03-10 02:00:00"),
            patch.object(type(self.Wizard), "_china_known_years", return_value={2024, 2025}),
        ):
            before = self._days(2026)
            self.Wizard._kefu_demo_load_china_year()  # no error
            self.assertEqual(self._days(2026), before)

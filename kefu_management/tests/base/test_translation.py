import os

import polib

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

KEFU_ADDONS = ("kefu_management", "kefu_credit", "kefu_contract")


@tagged("post_install", "-at_install", "kefu", "kefu_base", "kefu_i18n")
class TestTranslation(TransactionCase):
    def test_every_term_of_every_kefu_addon_has_a_zh_cn_translation(self):
        installed = (
            self.env["ir.module.module"]
            .search([("name", "in", KEFU_ADDONS), ("state", "=", "installed")])
            .mapped("name")
        )
        self.assertIn("kefu_management", installed)
        for module in installed:
            po_path = os.path.join(get_module_path(module), "i18n", "zh_CN.po")
            self.assertTrue(os.path.exists(po_path), f"{module} has no i18n/zh_CN.po")
            translated = {e.msgid for e in polib.pofile(po_path) if e.msgstr and not e.obsolete}
            # Each entry: (module, type, name, res_id, source, value, comments).
            reader = TranslationModuleReader(self.env.cr, modules=[module])
            sources = {
                entry[4] for entry in reader if entry[0] == module and (entry[4] or "").strip()
            }
            if module == "kefu_management":
                self.assertGreater(len(sources), 50, "the base addon exports its terms")
            missing = sorted(sources - translated)
            self.assertFalse(
                missing,
                f"{module}: {len(missing)} of {len(sources)} terms have no zh_CN translation, "
                f"e.g. {missing[:5]}",
            )
            self.assertTrue(
                os.path.exists(os.path.join(get_module_path(module), "i18n", f"{module}.pot"))
            )

"""Issue 18 item 8: no kefu record is titled "kefu.x,5".

Odoo names a record "model,id" when its model has no ``_rec_name`` and no
``_compute_display_name``: that is what the breadcrumb, the chatter and every
many2one showed for a phone approval. Every kefu model names its records, and every
record of the demo database (one per model) has a real, non-empty display name.
"""

from odoo import models
from odoo.tests import TransactionCase, tagged

KEFU_ADDONS = ("kefu_management", "kefu_credit", "kefu_contract")


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestEveryKefuModelHasDisplayNames(TransactionCase):
    def kefu_models(self):
        names = []
        for name in sorted(self.env.registry):
            model = self.env[name]
            if not name.startswith("kefu.") or model._abstract:
                continue
            names.append(name)
        self.assertGreater(len(names), 30)
        return names

    def test_every_model_names_its_records(self):
        unnamed = [
            name
            for name in self.kefu_models()
            if not self.env[name]._rec_name
            and type(self.env[name])._compute_display_name is models.BaseModel._compute_display_name
        ]
        self.assertFalse(unnamed, f"kefu models without a display name: {unnamed}")

    def test_records_are_not_titled_model_comma_id(self):
        bad = []
        for name in self.kefu_models():
            model = self.env[name].sudo().with_context(active_test=False)
            if model._transient:
                continue
            for record in model.search([], limit=3, order="id desc"):
                title = record.display_name
                if not title or title == f"{name},{record.id}":
                    bad.append((name, record.id, title))
        self.assertFalse(bad, f"records without a proper title: {bad}")


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestArchiveAreaLabelsTranslated(TransactionCase):
    def test_issue_18_mistranslations_fixed(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        env = self.env(context=dict(self.env.context, lang="zh_CN"))
        if "kefu.credit.emergency.report" in env:
            label = env["kefu.credit.emergency.report"].fields_get(["decision_date"])
            self.assertEqual(label["decision_date"]["string"], "决定日期")
        if "kefu.contract.custody.log" in env:
            action = env["kefu.contract.custody.log"].fields_get(["action"])["action"]
            self.assertEqual(dict(action["selection"])["received"], "接收保管")

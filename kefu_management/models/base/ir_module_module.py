from odoo import api, models
from odoo.tools.translate import code_translations

KEFU_MODULES = ("kefu_management", "kefu_credit", "kefu_contract")


class IrModuleModule(models.Model):
    """Install-time activities re-translated when their reader's language loads.

    Demo data and module install write activities with no language in the
    context; ``kefu_person_env`` writes them in the recipient's language when it
    is already loaded (``--load-language``). When the language is loaded later
    (Settings > Languages), the open activities still carrying one of kefu's
    English texts get its translation, for the users of that language.
    """

    _inherit = "ir.module.module"

    def _load_module_terms(self, modules, langs, overwrite=False, imported_module=False):
        result = super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )
        if any(module in KEFU_MODULES for module in modules):
            self._kefu_retranslate_activities([lang for lang in langs if lang != "en_US"])
        return result

    @api.model
    def _kefu_retranslate_activities(self, langs):
        Activity = self.env["mail.activity"].sudo()
        for lang in langs:
            terms = {}
            for module in KEFU_MODULES:
                terms.update(code_translations.get_python_translations(module, lang))
            terms = {source: text for source, text in terms.items() if text and text != source}
            if not terms:
                continue
            activities = Activity.search(
                [("summary", "in", list(terms)), ("user_id.partner_id.lang", "=", lang)]
            )
            # One write per text, not per activity.
            for summary, group in activities.grouped("summary").items():
                group.write({"summary": terms[summary]})

"""Upgrade steps that bring an existing database to what a fresh install has.

``-u`` loads the po files without overwriting a translation a record already has,
and it never rewrites a ``noupdate`` record: a translation kefu corrected, or the
name of a tier definition it renamed, stays as it was in a database installed
before. The migrations (``kefu_*/migrations/<version>/post-*.py``) call these
methods; each one changes a value only where it still holds one of kefu's previous
defaults, so what an administrator wrote himself is kept.
"""

import json
import logging
import os

from odoo import api, models
from odoo.modules.module import get_module_path
from odoo.tools.translate import TranslationFileReader
from odoo.tools.translate import TranslationImporter
from odoo.tools.translate import get_po_paths

_logger = logging.getLogger(__name__)

PREVIOUS_TERMS = "{lang}.previous.json"


class KefuUpgrade(models.AbstractModel):
    _name = "kefu.upgrade"
    _description = "Kefu Upgrade Steps"

    @api.model
    def _kefu_previous_terms(self, module, version, lang):
        """The translations ``module`` shipped before ``version``, as written by
        ``migrations/make_previous_terms.py``: ``{"src": {msgid: [translations]},
        "occurrence": {po occurrence: [translations]}, "occurrence_src":
        {po occurrence: [msgids]}}``; empty when the file is missing."""
        path = os.path.join(
            get_module_path(module) or "", "migrations", version, PREVIOUS_TERMS.format(lang=lang)
        )
        if not os.path.isfile(path):
            return {}
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)

    @api.model
    def _kefu_refresh_translations(self, module, version):
        """Overwrite, in every installed language with a previous-terms file, the
        record translations of ``module`` that still hold a translation kefu
        shipped before and that its po files now translate otherwise. Returns the
        number of values changed."""
        changed = 0
        for lang, _name in self.env["res.lang"].get_installed():
            if lang == "en_US":
                continue
            previous = self._kefu_previous_terms(module, version, lang)
            if previous:
                changed += self._kefu_refresh_lang_translations(module, lang, previous)
        return changed

    @api.model
    def _kefu_refresh_lang_translations(self, module, lang, previous):
        old_by_src = previous.get("src", {})
        old_by_occurrence = previous.get("occurrence", {})
        old_src_by_occurrence = previous.get("occurrence_src", {})
        importer = TranslationImporter(self.env.cr, verbose=False)
        cr = self.env.cr
        changed = 0
        for po_path in get_po_paths(module, lang):
            with open(po_path, "rb") as handle:
                rows = list(TranslationFileReader(handle, fileformat="po"))
            for row in rows:
                src, new = row.get("src"), row.get("value")
                kind, model_name = row.get("type"), row.get("imd_model")
                if not src or not new or kind not in ("model", "model_terms"):
                    continue
                if model_name not in self.env:
                    continue
                field_name = row["name"].split(",")[1]
                field = self.env[model_name]._fields.get(field_name)
                if not field or not field.translate or not field.store:
                    continue
                xmlid = f"{row['module']}.{row['imd_name']}"
                occurrence = f"{kind}:{model_name},{field_name}:{xmlid}"
                olds = set(old_by_src.get(src, ())) | set(old_by_occurrence.get(occurrence, ()))
                if not olds and occurrence not in old_src_by_occurrence:
                    continue  # kefu never shipped another text here
                record = self.env.ref(xmlid, raise_if_not_found=False)
                if record is None or record._name != model_name:
                    continue
                record.flush_recordset([field_name])
                cr.execute(
                    f'SELECT "{field_name}" FROM "{record._table}" WHERE id = %s',  # noqa: S608
                    [record.id],
                )
                values = (cr.fetchone() or [None])[0]
                if not values:
                    continue
                if kind == "model" and field.translate is True:
                    translations = {}
                    current, english = values.get(lang), values.get("en_US")
                    # A noupdate record keeps the English text it was created with:
                    # renamed with its translation, unless someone renamed it.
                    if english != src and english in old_src_by_occurrence.get(occurrence, ()):
                        if current is None or current == english or current in olds:
                            translations = {"en_US": src, lang: new}
                    elif current != new and current in olds:
                        translations = {lang: new}
                    if translations:
                        entry = importer.model_translations[model_name][field_name][xmlid]
                        entry.update(translations)
                        changed += 1
                elif kind == "model_terms" and callable(field.translate):
                    english = values.get("_en_US", values.get("en_US"))
                    if not english:
                        continue
                    terms = field.get_translation_dictionary(
                        english, {lang: values.get(f"_{lang}", values.get(lang))}
                    )
                    if src not in terms:
                        continue
                    current = terms[src].get(lang)
                    if current not in (new, src) and current in olds:
                        importer.model_terms_translations[model_name][field_name][xmlid][src][
                            lang
                        ] = new
                        changed += 1
        importer.save(force_overwrite=True)
        _logger.info(
            "%s: %s translations in %s brought to the current terms", module, changed, lang
        )
        return changed

    @api.model
    def _kefu_drop_withdrawn_records(self, withdrawn):
        """Delete the records kefu no longer ships (``noupdate`` ones stay after
        ``-u``) where they still hold what kefu shipped: ``withdrawn`` maps an xml
        id to ``{field: shipped English value}``; a record someone changed is kept.
        Returns the number of records deleted."""
        dropped = 0
        for xmlid, shipped in withdrawn.items():
            record = self.env.ref(xmlid, raise_if_not_found=False)
            if not record:
                continue
            record = record.with_context(lang="en_US", active_test=False)
            if all(record[name] == value for name, value in shipped.items()):
                record.unlink()
                dropped += 1
        return dropped

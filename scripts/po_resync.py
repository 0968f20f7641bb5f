"""Re-key translations after XML reformatting changed only whitespace in view texts.

Odoo keeps the whitespace inside a view's text in its translation terms, so a
reflow of the XML (prettier) leaves the zh_CN entries under their old msgid. Run
inside ``odoo shell`` on a database where the addons are installed:

    .venv/bin/python -c 'import sys, odoo.cli; sys.argv[0] = "odoo"; odoo.cli.main()' \
        shell -c .var/odoo.conf -d DB --no-http < scripts/po_resync.py

Every po/pot entry whose msgid is no longer a term of its addon but matches one
term once whitespace is collapsed gets that term as msgid; nothing else changes.
"""

import os

import polib

from odoo.modules.module import get_module_path
from odoo.tools.translate import TranslationModuleReader


def _flat(text):
    return " ".join(text.split())


for module in ("kefu_management", "kefu_credit", "kefu_contract"):
    reader = TranslationModuleReader(env.cr, modules=[module])  # noqa: F821 - odoo shell
    sources = {entry[4] for entry in reader if entry[0] == module and entry[4]}
    by_flat = {}
    for source in sources:
        by_flat.setdefault(_flat(source), set()).add(source)
    for name in ("zh_CN.po", f"{module}.pot"):
        path = os.path.join(get_module_path(module), "i18n", name)
        po = polib.pofile(path, wrapwidth=78)
        known = {entry.msgid for entry in po}
        changed = 0
        for entry in po:
            if entry.msgid in sources:
                continue
            candidates = by_flat.get(_flat(entry.msgid), set()) - known
            if len(candidates) == 1:
                entry.msgid = candidates.pop()
                known.add(entry.msgid)
                changed += 1
        if changed:
            po.save(path)
        print(f"{module}/{name}: {changed} entries re-keyed")  # noqa: T201

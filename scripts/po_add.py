"""Add or update one term in an addon's zh_CN.po and .pot without a database.

    .venv/bin/python scripts/po_add.py ADDON 'English source' '中文' [OCCURRENCE]

OCCURRENCE as Odoo writes it, e.g. ``code:addons/kefu_credit/models/x.py:0`` (code
terms get the ``odoo-python`` flag Odoo 18 needs to load them) or
``model:ir.model,name:kefu_credit.model_x``. ``scripts/i18n_export.sh`` remains
the full refresh from a database.
"""

import os
import sys

import polib

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
addon, msgid, msgstr = sys.argv[1:4]
occ = sys.argv[4] if len(sys.argv) > 4 else None
for name, val in (
    (f"{root}/{addon}/i18n/zh_CN.po", msgstr),
    (f"{root}/{addon}/i18n/{addon}.pot", ""),
):
    po = polib.pofile(name, wrapwidth=78)
    e = po.find(msgid)
    if e is None:
        comment = f"module: {addon}" + ("\nodoo-python" if occ and occ.startswith("code:") else "")
        e = polib.POEntry(msgid=msgid, msgstr=val, comment=comment)
        if occ:
            e.occurrences = [(occ, "")]
        po.append(e)
    else:
        e.msgstr = val or e.msgstr
        # The same English on a new field or view: Odoo translates each record by
        # its occurrence, so the new one must be listed too.
        if occ and (occ, "") not in e.occurrences:
            e.occurrences.append((occ, ""))
    po.save(name)

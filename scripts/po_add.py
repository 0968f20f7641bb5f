"""Add or update one term in an addon's zh_CN.po and .pot without a database.

    .venv/bin/python scripts/po_add.py ADDON 'English source' '中文' [OCCURRENCE]

OCCURRENCE as Odoo writes it, e.g. ``code:addons/kefu_credit/models/x.py:0`` (code
terms get the ``odoo-python`` flag Odoo 18 needs to load them, ``.js`` ones
``odoo-javascript``) or
``model:ir.model,name:kefu_credit.model_x``. ``scripts/i18n_export.sh`` remains
the full refresh from a database.
"""

import fcntl
import os
import sys

import polib

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
addon, msgid, msgstr = sys.argv[1:4]
occ = sys.argv[4] if len(sys.argv) > 4 else None
# Several people (or helpers) may add terms at once: read, change and write under
# one lock per addon, and replace the file in one rename, so that no run loses
# another's entries and Odoo never loads a half-written file.
lock = open(f"{root}/{addon}/i18n/.po_add.lock", "w")  # noqa: SIM115
fcntl.flock(lock, fcntl.LOCK_EX)
for name, val in (
    (f"{root}/{addon}/i18n/zh_CN.po", msgstr),
    (f"{root}/{addon}/i18n/{addon}.pot", ""),
):
    po = polib.pofile(name, wrapwidth=78)
    e = po.find(msgid)
    if e is None:
        # Odoo 18 sends the browser only entries flagged odoo-javascript.
        flag = ""
        if occ and occ.startswith("code:"):
            flag = "\nodoo-javascript" if occ.split(":")[1].endswith(".js") else "\nodoo-python"
        comment = f"module: {addon}" + flag
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
    po.save(name + ".tmp")
    os.replace(name + ".tmp", name)
fcntl.flock(lock, fcntl.LOCK_UN)

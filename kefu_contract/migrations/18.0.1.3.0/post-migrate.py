"""Issue 18: terms corrected in the po files this version, and the tier definitions
renamed (noupdate records), reach databases installed before.

``-u`` keeps a translation a record already has and never rewrites a noupdate
record: each record translation (and a renamed record's English name) still
holding one of kefu's previous texts (``zh_CN.previous.json`` beside this file,
written by ``kefu_management/migrations/make_previous_terms.py``) gets today's;
a text an administrator wrote himself is kept.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["kefu.upgrade"]._kefu_refresh_translations("kefu_contract", "18.0.1.3.0")

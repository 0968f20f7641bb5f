#!/usr/bin/env bash
# Export each kefu addon's terms to i18n/<addon>.pot and merge them into
# i18n/zh_CN.po, keeping existing translations.
# Usage: scripts/i18n_export.sh DATABASE [ADDON ...]   (default: the three addons)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
DB="${1:?usage: scripts/i18n_export.sh DATABASE [ADDON ...]}"
shift
ADDONS=("$@")
[ ${#ADDONS[@]} -gt 0 ] || read -r -a ADDONS <<< "${KEFU_ADDONS//,/ }"
for addon in "${ADDONS[@]}"; do
  mkdir -p "$REPO_DIR/$addon/i18n"
  odoo_cmd -c "$ODOO_CONF" -d "$DB" --i18n-export="$REPO_DIR/$addon/i18n/$addon.pot" \
    --modules="$addon" --stop-after-init --log-level=warn --no-http
  "$PY" - "$REPO_DIR/$addon/i18n" "$addon" <<'PY'
import os, sys, polib
folder, addon = sys.argv[1], sys.argv[2]
pot = polib.pofile(os.path.join(folder, f"{addon}.pot"))
po_path = os.path.join(folder, "zh_CN.po")
po = polib.pofile(po_path) if os.path.exists(po_path) else polib.POFile()
po.merge(pot)
po.metadata = {**pot.metadata, "Language": "zh_CN", "Language-Team": "Chinese (Simplified)",
               "Plural-Forms": "nplurals=1; plural=0;"}
for entry in [e for e in po if e.obsolete]:
    po.remove(entry)
for entry in po:
    entry.flags = [f for f in entry.flags if f != "fuzzy"]
po.save(po_path)
missing = [e.msgid for e in po if not e.msgstr and not e.obsolete]
print(f"{addon}: {len(po)} terms, {len(missing)} untranslated")
PY
done

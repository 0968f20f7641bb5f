#!/usr/bin/env bash
# Host compatibility: the own test suites of the host modules kefu extends, run
# on a database where kefu is installed (issue 13). Usage:
#   bash scripts/host_tests.sh DB [ODOO_CONF]
# The suites run through pytest-odoo once the full registry is loaded: in Odoo's
# at_install phase they would fail on columns later modules add, with or without
# kefu (see /work/shared/ODOO18-NOTES.md). Fails on any failure that is not in
# tests/host_known_failures.txt (failures of the plain tree, without kefu).
# Needs test_resource installed in DB (scripts/test.sh installs it).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
DB="${1:?usage: host_tests.sh DB [ODOO_CONF]}"
CONF="$(realpath "${2:-$ODOO_CONF}")"
KNOWN="$REPO_DIR/tests/host_known_failures.txt"
OUT="$VAR_DIR/host/$DB"
mkdir -p "$OUT"

addon_dir() {
  "$PY" -c "import sys, odoo
odoo.tools.config.parse_config(['-c', sys.argv[1]])
print(odoo.modules.module.get_module_path(sys.argv[2]))" "$CONF" "$1"
}
paths=()
for addon in resource test_resource crm helpdesk_mgmt base_tier_validation sale_financial_risk account_financial_risk; do
  paths+=("$(addon_dir "$addon")/tests")
done
# Only the composer tour of mail's suite (it opens the partner form kefu extends).
paths+=("$(addon_dir mail)/tests/test_mail_composer.py::TestMailComposerUI::test_mail_composer_test_tour")

# The host suites are written for a database whose default language is English:
# created with --load-language=zh_CN, new partners, the company and the users speak
# Chinese (en_US is not even active) and 12 of them fail on the plain tree, without
# kefu (crm expects en_US partners and English labels, tours look for English
# buttons). As a company that
# installed Odoo in English and added Chinese would have it, the default language
# goes back to en_US for this step (kefu's own tests ran before, in zh_CN); zh_CN
# stays installed, so kefu's translations are loaded while the suites run.
PGPASSWORD="$DB_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB" <<'SQL'
UPDATE res_lang SET active = true WHERE code = 'en_US';
UPDATE ir_default SET json_value = '"en_US"'
 WHERE field_id IN (SELECT id FROM ir_model_fields WHERE model = 'res.partner' AND name = 'lang');
UPDATE res_partner SET lang = 'en_US' WHERE lang IS DISTINCT FROM 'en_US';
SQL

log "host suites on $DB: resource (+test_resource), crm, helpdesk_mgmt, base_tier_validation, sale/account_financial_risk, mail composer tour"
start=$(date +%s)
# --noconftest: the repository's session guard counts kefu's own tests only.
# helpdesk_mgmt's JS tour needs a newer 18.0 than this tree (ODOO18-NOTES.md).
set +e
(cd "$OUT" && "$VENV/bin/pytest" -p no:cacheprovider --noconftest -q -o addopts= \
  -W ignore::DeprecationWarning --odoo-config="$CONF" --odoo-database="$DB" --odoo-http \
  --junitxml="$OUT/junit.xml" --deselect "$(addon_dir helpdesk_mgmt)/tests/test_js.py" \
  --ignore="$(addon_dir helpdesk_mgmt)/tests/test_js.py" "${paths[@]}" > "$OUT/pytest.log" 2>&1)
set -e
tail -n 3 "$OUT/pytest.log" >&2
[ -f "$OUT/junit.xml" ] || die "host suites did not run: see $OUT/pytest.log"
"$PY" - "$OUT/junit.xml" "$KNOWN" "$(($(date +%s) - start))" <<'PY'
import re
import sys
import xml.etree.ElementTree as ET

junit, known_file, seconds = sys.argv[1], sys.argv[2], sys.argv[3]
known = set()
with open(known_file, encoding="utf-8") as lines:
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line:
            known.add(line)
passed, failed, accepted = 0, [], []
for case in ET.parse(junit).iter("testcase"):
    # "odoo.addons.crm.tests.test_x.TestY" + "test_z" -> "crm.tests.test_x.TestY.test_z"
    name = re.sub(r"^.*?addons\.", "", case.get("classname", "")) + "." + case.get("name", "")
    if case.find("failure") is not None or case.find("error") is not None:
        (accepted if name in known else failed).append(name)
    elif case.find("skipped") is None:
        passed += 1
for name in failed:
    print(f"host: FAILED {name}")
for name in accepted:
    print(f"host: known failure (fails without kefu too) {name}")
print(f"host: {passed} passed, {len(failed) + len(accepted)} failed ({len(accepted)} known) in {seconds} s")
sys.exit(1 if failed or not passed else 0)
PY

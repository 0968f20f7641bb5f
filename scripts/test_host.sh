#!/usr/bin/env bash
# make test-host: the host modules' own suites (scripts/host_tests.sh) in a throwaway
# database with kefu and test_resource installed, demo data and zh_CN, as make test
# prepares its own. WITHOUT_KEFU=1 installs the same host modules without kefu: the
# baseline that decides what belongs in tests/host_known_failures.txt.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bash "$REPO_DIR/scripts/setup.sh"
DB="kefu_host_$(date +%s)_$$"
cleanup() {
  PGPASSWORD="$DB_PASSWORD" dropdb --if-exists -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" "$DB" 2>/dev/null || true
  rm -rf "$VAR_DIR/data/filestore/$DB"
}
trap cleanup EXIT
CONF="$VAR_DIR/odoo-host.conf"
sed -e "s/^http_port = .*/http_port = ${KEFU_HOST_HTTP_PORT:-8369}/" "$ODOO_CONF" > "$CONF"
modules="$KEFU_ADDONS,test_resource"
if [ "${WITHOUT_KEFU:-0}" = "1" ]; then
  modules="crm,sale,stock,helpdesk_mgmt,base_tier_validation,report_xlsx,sale_financial_risk,account_financial_risk,test_resource"
fi
log "installing $modules into throwaway database $DB"
# Made as make test makes its database (a company in China), with or without kefu.
install_china_db "$CONF" "$DB" "$modules" --load-language=zh_CN
bash "$REPO_DIR/scripts/host_tests.sh" "$DB" "$CONF"

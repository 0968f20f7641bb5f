#!/usr/bin/env bash
# make test-quick: the fast loop beside `make test`. Reuses a prepared database
# (created once with the three addons, demo data and zh_CN), updates with -u only
# the addons whose files changed since the last run, and runs the tests without
# the browser tours unless TOURS=1. Arguments go to pytest; a path argument
# replaces the default test folders:
#   make test-quick ARGS="kefu_management/tests/archive"
#   make test-quick ARGS="-k borrow"      TOURS=1 make test-quick
# KEFU_QUICK_DB names the database (default kefu_quick), KEFU_QUICK_HTTP_PORT the
# port of the test server (default 8269), so that two loops can run side by side.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [ ! -f "$ODOO_CONF" ] || ! "$PY" -c "import odoo.release" 2>/dev/null; then
  bash "$REPO_DIR/scripts/setup.sh"
fi
DB="${KEFU_QUICK_DB:-kefu_quick}"
PORT="${KEFU_QUICK_HTTP_PORT:-8269}"
STAMP_DIR="$VAR_DIR/quick/$DB"
CONF="$VAR_DIR/odoo-quick-$DB.conf"
sed -e "s/^http_port = .*/http_port = $PORT/" "$ODOO_CONF" > "$CONF"
mkdir -p "$STAMP_DIR"

addon_hash() {
  # Everything Odoo loads from an addon; its tests are imported fresh by pytest.
  (cd "$REPO_DIR/$1" && find . -type f ! -path './tests/*' ! -path './readme/*' ! -name README.rst ! -name '*.pyc' ! -path '*/__pycache__/*' \
    -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -d' ' -f1)
}

if [ ! -f "$STAMP_DIR/prepared" ]; then
  # No database, or a preparation that did not finish: start from scratch.
  log "preparing database $DB (once): $KEFU_ADDONS with demo data and zh_CN"
  PGPASSWORD="$DB_PASSWORD" dropdb --if-exists -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" "$DB"
  rm -rf "$STAMP_DIR"/*.sha1 "$VAR_DIR/data/filestore/$DB"
  install_china_db "$CONF" "$DB" "$KEFU_ADDONS" --load-language=zh_CN
  for addon in ${KEFU_ADDONS//,/ }; do addon_hash "$addon" > "$STAMP_DIR/$addon.sha1"; done
  touch "$STAMP_DIR/prepared"
else
  changed=()
  for addon in ${KEFU_ADDONS//,/ }; do
    [ "$(cat "$STAMP_DIR/$addon.sha1" 2>/dev/null)" = "$(addon_hash "$addon")" ] || changed+=("$addon")
  done
  if [ ${#changed[@]} -gt 0 ]; then
    list=$(IFS=,; echo "${changed[*]}")
    log "updating $list in $DB"
    odoo_cmd -c "$CONF" -d "$DB" -u "$list" --stop-after-init --log-level=warn --no-http
    for addon in "${changed[@]}"; do addon_hash "$addon" > "$STAMP_DIR/$addon.sha1"; done
  fi
fi

paths=()
for arg in "$@"; do [ -e "$REPO_DIR/${arg%%::*}" ] && paths+=("$arg"); done
defaults=(kefu_management/tests kefu_credit/tests kefu_contract/tests)
[ ${#paths[@]} -gt 0 ] && defaults=()
ignore=(--ignore-glob='*_tour.py')
[ "${TOURS:-0}" = "1" ] && ignore=()
cd "$REPO_DIR"
log "running the tests on $DB${ignore:+ (browser tours skipped: TOURS=1 runs them)}"
"$VENV/bin/pytest" -p no:cacheprovider --odoo-config="$CONF" --odoo-database="$DB" --odoo-http \
  "${ignore[@]}" "$@" "${defaults[@]}"

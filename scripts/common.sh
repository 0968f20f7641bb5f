#!/usr/bin/env bash
# Shared settings for the kefu run/test scripts. Sourced, never executed.
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${KEFU_VENV:-$REPO_DIR/.venv}"
PY="$VENV/bin/python"
VAR_DIR="$REPO_DIR/.var"
ODOO_CONF="$VAR_DIR/odoo.conf"
ODOO_DEFAULT_SRC="/opt/odoo/18.0"
DB_HOST="${KEFU_DB_HOST:-127.0.0.1}"
DB_PORT="${KEFU_DB_PORT:-5432}"
DB_USER="${KEFU_DB_USER:-kefu}"
DB_PASSWORD="${KEFU_DB_PASSWORD:-kefu}"
KEFU_ADDONS="kefu_management,kefu_credit,kefu_contract"

log() { printf '\033[1m[kefu]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[kefu] %s\033[0m\n' "$*" >&2; exit 1; }

psql_admin() {
  # Administrative statements (create role) go through the server's own superuser
  # over the local socket, or through trust on TCP; Odoo itself never uses it.
  if command -v runuser >/dev/null 2>&1 && id postgres >/dev/null 2>&1; then
    runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@" 2>/dev/null && return 0
  fi
  psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U postgres -d postgres "$@"
}

psql_kefu() {
  PGPASSWORD="$DB_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres "$@"
}

odoo_cmd() {
  # Run Odoo's command line through the environment's interpreter rather than the
  # "odoo" console script, whose pkg_resources check trips over newer wheels' metadata.
  "$PY" -c 'import sys, odoo.cli; sys.argv[0] = "odoo"; odoo.cli.main()' "$@"
}

install_china_db() {
  # install_china_db CONF DB ADDONS [odoo options...]: a new database as Odoo's
  # database manager makes it for a company in China (issue 14): base first, then
  # the main company's country and currency exactly as odoo/service/db.py
  # (_initialize_db) writes them when one picks a country, then ADDONS. So the
  # modules installed afterwards see a Chinese company: account auto-installs its
  # China localisation (l10n_cn, by its manifest's countries) and posts its demo
  # entries in CNY, which Odoo refuses to change once entries exist.
  local conf="$1" db="$2" addons="$3"
  shift 3
  odoo_cmd -c "$conf" -d "$db" -i base "$@" --stop-after-init --log-level=warn --no-http
  odoo_cmd shell -c "$conf" -d "$db" --no-http --log-level=warn <<'PYEOF'
country = env["res.country"].search([("code", "=", "CN")], limit=1)
env["res.company"].browse(1).write({"country_id": country.id, "currency_id": country.currency_id.id})
env.cr.commit()
PYEOF
  odoo_cmd -c "$conf" -d "$db" -i "$addons" "$@" --stop-after-init --log-level=warn --no-http
}

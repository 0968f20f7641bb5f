#!/usr/bin/env bash
# Prepare everything kefu needs, idempotently: system packages, PostgreSQL,
# a Python environment with Odoo 18 and the OCA addons, and an Odoo config file.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing system packages (${missing[*]}) and no apt-get to install them"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ $APT_UPDATED -eq 0 ]; then
    log "apt-get update"
    $sudo apt-get update -qq >/dev/null
    APT_UPDATED=1
  fi
  log "installing system packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

system_packages() {
  # Build headers for Odoo's pinned wheels (python-ldap, psycopg2), the database,
  # Chromium for HttpCase tours, fonts so Chinese renders in reports, and
  # wkhtmltopdf so that reports print as PDF (without it they fall back to HTML).
  apt_install build-essential libldap2-dev libsasl2-dev libpq-dev libxml2-dev libxslt1-dev \
    libjpeg-dev zlib1g-dev postgresql postgresql-client chromium fonts-noto-cjk wkhtmltopdf
}

start_postgres() {
  if pg_isready -q -h "$DB_HOST" -p "$DB_PORT"; then
    return 0
  fi
  log "PostgreSQL is not answering on $DB_HOST:$DB_PORT: starting it"
  local ver
  ver=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$ver" ]; then
    ver=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    pg_createcluster "$ver" main --port "$DB_PORT" >/dev/null
  elif [ ! -d "/etc/postgresql/$ver/main" ]; then
    pg_createcluster "$ver" main --port "$DB_PORT" >/dev/null
  fi
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
  for _ in $(seq 1 30); do
    pg_isready -q -h "$DB_HOST" -p "$DB_PORT" && return 0
    sleep 1
  done
  die "PostgreSQL did not start on $DB_HOST:$DB_PORT"
}

ensure_db_role() {
  # Odoo refuses the 'postgres' role: it gets a role of its own, with a password so
  # that it works on trust clusters and on clusters created with md5/scram alike.
  if psql_kefu -tAc 'select 1' >/dev/null 2>&1; then
    return 0
  fi
  log "creating database role $DB_USER"
  psql_admin -c "DO \$\$BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
      CREATE ROLE \"$DB_USER\" LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
    ELSE
      ALTER ROLE \"$DB_USER\" LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
    END IF; END\$\$;"
  psql_kefu -tAc 'select 1' >/dev/null || die "cannot connect to PostgreSQL as $DB_USER"
}

odoo_importable() {
  [ -x "$PY" ] && "$PY" - <<'PY' >/dev/null 2>&1
import odoo.release as r
assert r.version_info[:2] == (18, 0)
import odoo.addons.base
PY
}

find_odoo_src() {
  # Order: $ODOO_SRC, the default folder, Odoo's official 18.0 source tarball.
  local cand
  for cand in "${ODOO_SRC:-}" "$ODOO_DEFAULT_SRC"; do
    if [ -n "$cand" ] && [ -f "$cand/odoo/release.py" ] && [ -f "$cand/setup.py" ]; then
      if grep -q "version_info = (18, 0" "$cand/odoo/release.py"; then
        echo "$cand"; return 0
      fi
      log "ignoring $cand: not an Odoo 18.0 tree"
    fi
  done
  local dl="$VAR_DIR/odoo-src"
  if [ -f "$dl/odoo/release.py" ]; then echo "$dl"; return 0; fi
  local url="https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz"
  log "no local Odoo 18 tree: trying Odoo's official source tarball"
  mkdir -p "$dl"
  if curl -fsSL --max-time 600 "$url" | tar -xz -C "$dl" --strip-components=1 2>/dev/null \
      && [ -f "$dl/odoo/release.py" ]; then
    echo "$dl"; return 0
  fi
  rm -rf "$dl"
  return 1
}

pip_quiet() {
  # Local package indexes that lack a package make pip warn once per package: keep the log readable.
  "$VENV/bin/pip" "$@" -q 2> >(grep -v "is ignored: it is neither" >&2)
}

python_env() {
  if [ ! -x "$PY" ]; then
    log "creating Python environment in $VENV"
    python3 -m venv "$VENV"
  fi
  if ! odoo_importable; then
    local src
    src=$(find_odoo_src) || die "No Odoo 18 found. Provide an Odoo 18.0 Community source tree in one of:
  - the environment variable ODOO_SRC=/path/to/odoo (a folder with odoo-bin and setup.py), or
  - the default folder $ODOO_DEFAULT_SRC,
or install Odoo 18 into $VENV yourself, then run this command again."
    log "installing Odoo 18 from $src"
    local cons="$VAR_DIR/build-constraints.txt"
    # cbor2==5.4.2 (pinned by Odoo) only builds with setuptools<70.
    echo "setuptools<70" > "$cons"
    PIP_CONSTRAINT="$cons" pip_quiet install -r "$src/requirements.txt"
    PIP_CONSTRAINT="$cons" pip_quiet install --no-deps -e "$src" --config-settings editable_mode=compat
  fi
  # requirements.txt: what production needs (OCA addons, xlsxwriter, openpyxl);
  # test-requirements.txt: the test and lint tools. The marker file is older than
  # either file after a change to it.
  local reqs=("$REPO_DIR/requirements.txt" "$REPO_DIR/test-requirements.txt") req stale=0
  for req in "${reqs[@]}"; do
    if [ "$req" -nt "$VENV/.kefu-reqs" ]; then stale=1; fi
  done
  if [ $stale -eq 1 ] || ! "$PY" -c "import odoo.addons.helpdesk_mgmt, odoo.addons.base_tier_validation, pytest_odoo, websocket, freezegun, ruff, pylint_odoo" >/dev/null 2>&1; then
    log "installing OCA addons and tools from PyPI (requirements.txt, test-requirements.txt)"
    pip_quiet install -r "$REPO_DIR/requirements.txt" -r "$REPO_DIR/test-requirements.txt"
    touch "$VENV/.kefu-reqs"
  fi
}

write_config() {
  mkdir -p "$VAR_DIR/data"
  local odoo_dir
  odoo_dir=$("$PY" -c "import os, odoo; print(os.path.dirname(os.path.dirname(odoo.__file__)))")
  local addons="$odoo_dir/odoo/addons"
  [ -d "$odoo_dir/addons" ] && addons="$odoo_dir/addons,$addons"
  cat > "$ODOO_CONF" <<CONF
[options]
addons_path = $addons,$REPO_DIR
data_dir = $VAR_DIR/data
db_host = $DB_HOST
db_port = $DB_PORT
db_user = $DB_USER
db_password = $DB_PASSWORD
admin_passwd = admin
http_interface = 127.0.0.1
http_port = 8069
list_db = True
log_level = info
CONF
}

mkdir -p "$VAR_DIR"
system_packages
start_postgres
ensure_db_role
python_env
write_config
log "environment ready: $VENV, config $ODOO_CONF"

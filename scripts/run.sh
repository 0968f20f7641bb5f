#!/usr/bin/env bash
# make run: prepare the machine, create the database "kefu" with the three addons
# and demo data if it is absent, then serve the web client on 127.0.0.1:8069.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bash "$REPO_DIR/scripts/setup.sh"
DB="${KEFU_DB:-kefu}"
if ! psql_kefu -tAc "select 1 from pg_database where datname='$DB'" | grep -q 1; then
  log "creating database $DB with $KEFU_ADDONS, demo data and Simplified Chinese"
  install_china_db "$ODOO_CONF" "$DB" "$KEFU_ADDONS" --load-language=zh_CN
  # The department works in Chinese: the administrator starts in 中文(简体).
  PGPASSWORD="$DB_PASSWORD" psql -X -q -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB" \
    -c "update res_partner set lang='zh_CN' where id=(select partner_id from res_users where login='admin')"
fi
log "serving http://127.0.0.1:8069 (admin/admin), database $DB"
odoo_cmd -c "$ODOO_CONF" -d "$DB" --db-filter="^$DB\$" --http-interface=127.0.0.1 --http-port=8069

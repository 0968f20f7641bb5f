#!/usr/bin/env bash
# Load test (issue 17): Odoo's multi-process server on 127.0.0.1 with two HTTP workers
# and two cron workers, Locust driving simulated agents for a bounded time while kefu's
# crons run, then SQL checks that the crons did all their due work exactly once.
#
#   KEFU_LOAD_FROM=kefu_quick bash bench/load/run_load.sh kefu_load [USERS=50] [DURATION=3m]
#
# DATABASE is a copy (never a real database: the test writes). With KEFU_LOAD_FROM and no
# DATABASE yet, it is created from that database (createdb -T, filestore copied) and
# filled by bench/load/fill.py (KEFU_LOAD_FILL_ARGS, default: 10,000 customers, 100,000
# tickets, 50,000 callbacks, 50 agents). Steps:
# 1. update kefu's addons in DATABASE (the code may have new columns; KEFU_LOAD_UPGRADE=0
#    skips it), then fill it when it was just created;
# 2. start Odoo: KEFU_LOAD_WORKERS HTTP workers (default 4: Odoo's rule of thumb is
#    2 x cores + 1, 5 on this 2-core machine; one fewer leaves PostgreSQL its share) and
#    2 cron workers, whose watchdog (--limit-time-real-cron) covers the ten batches in a
#    row Odoo runs for a job with work left; 127.0.0.1 only, mail to a closed local port
#    so that nothing leaves the machine, the request log with its query counts;
# 3. make every kefu cron due (nextcall = now) and wake the cron workers; run Locust
#    headless (USERS agents, KEFU_LOAD_SPAWN_RATE started per second, default 1: each
#    login checks a password hash, about a second of CPU; each agent thinks
#    KEFU_LOAD_WAIT seconds between two flows, default "5 15"); make the crons due
#    again halfway;
# 4. after Locust, wait until no kefu cron is due or running (KEFU_LOAD_CRON_WAIT seconds
#    at most, default 900); print Locust's figures per request and per flow (p50/p95/p99,
#    failures), the queries and time per route from Odoo's log (request_log.py) and the
#    cron checks (check_crons.py; exit status 1 when one fails).
# Environment: KEFU_LOAD_PORT (default 8288; gevent port +1, mail port +2), LOCUST_VENV
# (default /tmp/kefu-locust, made with `pip install locust` when missing), KEFU_LOAD_OUT
# (default .var/load/DATABASE: Odoo's log and output, Locust's CSV files and summary).
# Drop the copy afterwards: dropdb kefu_load; rm -rf .var/data/filestore/kefu_load
set -euo pipefail
cd "$(dirname "$0")/../.."
DB="${1:?database}"
USERS="${2:-50}"
DURATION="${3:-3m}"
PORT="${KEFU_LOAD_PORT:-8288}"
LOCUST_VENV="${LOCUST_VENV:-/tmp/kefu-locust}"
OUT="${KEFU_LOAD_OUT:-.var/load/$DB}"
CRON_WAIT="${KEFU_LOAD_CRON_WAIT:-900}"
WORKERS="${KEFU_LOAD_WORKERS:-4}"
mkdir -p "$OUT"
conf() { sed -n "s/^$1 *= *//p" .var/odoo.conf | head -1; }
export PGPASSWORD="$(conf db_password)"
PSQL=(psql -h "$(conf db_host)" -p "$(conf db_port)" -U "$(conf db_user)" -X -q -A -t)
case "$DURATION" in
  *h) SECONDS_TOTAL=$((${DURATION%h} * 3600)) ;;
  *m) SECONDS_TOTAL=$((${DURATION%m} * 60)) ;;
  *s) SECONDS_TOTAL=${DURATION%s} ;;
  *) SECONDS_TOTAL=$DURATION ;;
esac
if [ ! -x "$LOCUST_VENV/bin/locust" ]; then
  python3 -m venv "$LOCUST_VENV"
  "$LOCUST_VENV/bin/pip" install -q locust
fi
KEFU_CRONS="SELECT c.id FROM ir_cron c JOIN ir_model_data d ON d.model = 'ir.cron'
  AND d.res_id = c.id AND d.module LIKE 'kefu%' WHERE c.active"

make_crons_due() {
  # Every kefu cron due now, and the cron workers woken (they LISTEN in database postgres).
  "${PSQL[@]}" -d "$DB" -c "UPDATE ir_cron SET nextcall = now() AT TIME ZONE 'UTC'
    WHERE id IN ($KEFU_CRONS)" >/dev/null
  "${PSQL[@]}" -d postgres -c "SELECT pg_notify('cron_trigger', '$DB')" >/dev/null
  "${PSQL[@]}" -d "$DB" -c "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')"
}

FILL=0
if [ -n "${KEFU_LOAD_FROM:-}" ] && [ -z "$("${PSQL[@]}" -d postgres -c \
  "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
  echo "creating $DB from $KEFU_LOAD_FROM"
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE \"$DB\" TEMPLATE \"$KEFU_LOAD_FROM\""
  DATA_DIR="$(conf data_dir)"
  rm -rf "$DATA_DIR/filestore/$DB"
  if [ -d "$DATA_DIR/filestore/$KEFU_LOAD_FROM" ]; then
    cp -a "$DATA_DIR/filestore/$KEFU_LOAD_FROM" "$DATA_DIR/filestore/$DB"
  fi
  FILL=1
fi
if [ "${KEFU_LOAD_UPGRADE:-1}" = "1" ]; then
  # The code may be newer than the database (new columns): update the addons first.
  echo "updating kefu's addons in $DB"
  .venv/bin/odoo -c .var/odoo.conf -d "$DB" -u kefu_management,kefu_credit,kefu_contract \
    --stop-after-init --no-http --log-level=warn --logfile="$OUT/update.log"
fi
if [ "$FILL" = "1" ]; then
  # shellcheck disable=SC2086 # the arguments are words on purpose
  .venv/bin/python -u bench/load/fill.py -d "$DB" ${KEFU_LOAD_FILL_ARGS:-} 2>&1 \
    | grep -v ' INFO ' | tee "$OUT/fill.txt"
fi
: > "$OUT/odoo.log"
.venv/bin/odoo -c .var/odoo.conf -d "$DB" --db-filter="^$DB\$" \
  --http-interface=127.0.0.1 --http-port="$PORT" --gevent-port=$((PORT + 1)) \
  --smtp=127.0.0.1 --smtp-port=$((PORT + 2)) \
  --workers="$WORKERS" --max-cron-threads=2 --limit-time-real=300 --limit-time-cpu=240 \
  --limit-time-real-cron=1800 \
  --log-level=warn --log-handler=werkzeug:INFO \
  --log-handler=odoo.addons.base.models.ir_cron:INFO --logfile="$OUT/odoo.log" \
  > "$OUT/odoo.out" 2>&1 &
ODOO_PID=$!
trap 'kill "$ODOO_PID" 2>/dev/null; wait "$ODOO_PID" 2>/dev/null || true' EXIT
for _i in $(seq 90); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/web/login" && break
  kill -0 "$ODOO_PID" 2>/dev/null || { echo "Odoo did not start: $OUT/odoo.log" >&2; exit 1; }
  sleep 2
done
echo "Odoo up on 127.0.0.1:$PORT ($WORKERS HTTP workers, 2 cron workers), database $DB"

SINCE=$(make_crons_due)
echo "kefu crons made due at $SINCE UTC"
KEFU_LOAD_DB="$DB" KEFU_LOAD_AGENTS="$USERS" KEFU_LOAD_WAIT="${KEFU_LOAD_WAIT:-5 15}" \
  "$LOCUST_VENV/bin/locust" \
  -f bench/load/locustfile.py --headless --host "http://127.0.0.1:$PORT" \
  -u "$USERS" -r "${KEFU_LOAD_SPAWN_RATE:-1}" -t "$DURATION" --stop-timeout 30 \
  --csv "$OUT/locust" --only-summary \
  > "$OUT/locust.txt" 2>&1 &
LOCUST_PID=$!
: > "$OUT/locks.txt"
# Every 2 s while Locust runs: the sessions waiting for a lock, with what holds it (Odoo
# processes are named odoo-PID in pg_stat_activity; the cron workers are in odoo.log).
(
  while kill -0 "$LOCUST_PID" 2>/dev/null; do
    "${PSQL[@]}" -F ' | ' -d "$DB" -c "SELECT to_char(now(), 'HH24:MI:SS'), w.application_name,
        left(regexp_replace(w.query, '\s+', ' ', 'g'), 90),
        round(extract(epoch FROM now() - w.query_start)::numeric, 1) AS waited_s,
        b.application_name, round(extract(epoch FROM now() - b.xact_start)::numeric, 1)
          AS holder_xact_s, left(regexp_replace(b.query, '\s+', ' ', 'g'), 90)
      FROM pg_stat_activity w
      JOIN pg_stat_activity b ON b.pid = (pg_blocking_pids(w.pid))[1]
     WHERE w.datname = '$DB' AND w.wait_event_type = 'Lock'" >> "$OUT/locks.txt" || true
    sleep 2
  done
) &
sleep $((SECONDS_TOTAL / 2))
DUE=$(make_crons_due)
echo "kefu crons made due again at $DUE UTC"
wait "$LOCUST_PID" || true
echo "Locust done; waiting for kefu's crons to finish (at most $CRON_WAIT s)"
for _i in $(seq $((CRON_WAIT / 5))); do
  # Due, or running (its row locked by a cron worker): FOR SHARE skips those.
  busy=$("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM ir_cron WHERE id IN ($KEFU_CRONS)
    AND (nextcall <= now() AT TIME ZONE 'UTC' OR id NOT IN (
      SELECT id FROM ir_cron WHERE id IN ($KEFU_CRONS) FOR SHARE SKIP LOCKED))")
  [ "$busy" = "0" ] && break
  sleep 5
done
echo
echo "== Locust: per request and per flow (type 'flow'), times in ms"
"$LOCUST_VENV/bin/python" - "$OUT/locust_stats.csv" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print(f"{'type':<6} {'name':<32} {'requests':>8} {'fail':>5} {'p50':>7} {'p95':>7} {'p99':>7}")
for row in rows:
    print(f"{row['Type']:<6} {row['Name'][:32]:<32} {row['Request Count']:>8} "
          f"{row['Failure Count']:>5} {row['50%']:>7} {row['95%']:>7} {row['99%']:>7}")
EOF
if [ -s "$OUT/locust_failures.csv" ] && [ "$(wc -l < "$OUT/locust_failures.csv")" -gt 1 ]; then
  echo "== Locust failures"
  cut -c1-300 "$OUT/locust_failures.csv"
fi
echo
echo "== Odoo log: $(grep -c ' ERROR ' "$OUT/odoo.log" || true) ERROR lines," \
  "$(grep -c ' WARNING ' "$OUT/odoo.log" || true) WARNING lines ($OUT/odoo.log)," \
  "$(grep -c 'could not serialize access' "$OUT/odoo.log" || true) serialization failures" \
  "(retried by Odoo)"
grep ' ERROR ' "$OUT/odoo.log" | grep -v 'bad query' | cut -c1-200 | sort | uniq -c | sort -rn | head -10 || true
echo "== Lock waits sampled every 2 s: $(wc -l < "$OUT/locks.txt") (waiting session | its query |" \
  "waited s | holder | holder's transaction s | holder's last query), longest first:"
sort -t '|' -k4 -rn "$OUT/locks.txt" | head -8 | cut -c1-330
echo
echo "== Odoo: per route, SQL queries and time in SQL / in Python (seconds)"
.venv/bin/python bench/load/request_log.py "$OUT/odoo.log"
echo
echo "== kefu crons"
.venv/bin/python bench/load/check_crons.py -d "$DB" --since "$SINCE" --due "$DUE"

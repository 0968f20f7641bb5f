#!/usr/bin/env bash
# Load test (issue 17): Odoo in multi-process mode (2 HTTP workers, 1 cron thread)
# on 127.0.0.1 and Locust driving simulated agents for a bounded time.
#   bash bench/load/run_load.sh DATABASE [USERS=50] [DURATION=2m]
# Locust is not part of the project's environment: LOCUST (default
# /tmp/kefu-locust/bin/locust) is created with `python3 -m venv` + `pip install locust`
# when missing. Prints Locust's table (p50/p95/p99 per flow, failures).
set -euo pipefail
cd "$(dirname "$0")/../.."
DB="${1:?database}"
USERS="${2:-50}"
DURATION="${3:-2m}"
PORT="${KEFU_LOAD_PORT:-8299}"
LOCUST_VENV="${LOCUST_VENV:-/tmp/kefu-locust}"
if [ ! -x "$LOCUST_VENV/bin/locust" ]; then
  python3 -m venv "$LOCUST_VENV"
  "$LOCUST_VENV/bin/pip" install -q locust
fi
.venv/bin/odoo -c .var/odoo.conf -d "$DB" --db-filter="^$DB\$" \
  --http-interface=127.0.0.1 --http-port="$PORT" --gevent-port=$((PORT + 1)) \
  --workers=2 --max-cron-threads=1 --limit-time-real=120 --log-level=warn &
ODOO_PID=$!
trap 'kill "$ODOO_PID" 2>/dev/null; wait "$ODOO_PID" 2>/dev/null || true' EXIT
for _i in $(seq 60); do
  curl -sf "http://127.0.0.1:$PORT/web/login" >/dev/null && break
  sleep 2
done
KEFU_LOAD_DB="$DB" "$LOCUST_VENV/bin/locust" -f bench/load/locustfile.py --headless \
  --host "http://127.0.0.1:$PORT" -u "$USERS" -r 10 -t "$DURATION" --only-summary

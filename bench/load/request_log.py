"""Per route: requests, SQL queries and where the time went, from Odoo's request log.

Odoo's werkzeug log line ends with three performance columns (``odoo/netsvc.py``,
``PerfFilter``): the request's query count, its time in SQL and its remaining (Python)
time. ``run_load.sh`` logs them (``--log-handler=werkzeug:INFO``); this prints their
medians and 95th percentiles per route, the slowest first:

    .venv/bin/python bench/load/request_log.py .var/load/kefu_load/odoo.log
"""

import re
import statistics
import sys

LINE = re.compile(
    r'"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d+) - '
    r"(?P<queries>\d+) (?P<sql>[\d.]+) (?P<python>[\d.]+)"
)


def pct(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(share * len(values)))]


def main(path):
    routes = {}
    for line in open(path, encoding="utf-8", errors="replace"):
        match = LINE.search(line)
        if not match:
            continue
        route = match["path"].split("?")[0]
        routes.setdefault(route, []).append(
            (int(match["queries"]), float(match["sql"]), float(match["python"]))
        )
    print(
        f"{'route':<62} {'n':>5} {'queries p50/p95':>16} {'SQL s p50':>9} {'Python s p50/p95':>17}"
    )
    rows = sorted(
        routes.items(),
        key=lambda item: -statistics.median(s + p for _q, s, p in item[1]),
    )
    for route, values in rows:
        queries = [q for q, _s, _p in values]
        sql = [s for _q, s, _p in values]
        python = [p for _q, _s, p in values]
        print(
            f"{route[:62]:<62} {len(values):>5} "
            f"{statistics.median(queries):>7.0f}/{pct(queries, 0.95):<8} "
            f"{statistics.median(sql):>9.3f} "
            f"{statistics.median(python):>8.3f}/{pct(python, 0.95):<8.3f}"
        )


if __name__ == "__main__":
    main(sys.argv[1])

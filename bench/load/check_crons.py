"""After a load test (issue 17): did kefu's scheduled actions do their work once, and all of it?

    .venv/bin/python bench/load/check_crons.py -d kefu_load --since '2026-11-28 16:20:00' \\
        --due '2026-11-28 16:21:30'

``--since`` is when the crons were first made due (UTC), ``--due`` when they were made due
the last time: everything due at that moment must be done when this runs. Plain SQL on the
database; one line per check, ``OK``/``FAIL`` and the count, then a summary line. Exit
status 1 when a check fails.

Duplicate work (each count must be 0):
- two callbacks for one delivery, one complaint, one special day and customer, or one key
  customer's coverage in a month (CBK-1, CMP-5, CBK-4, CBK-3);
- two open activities of one kind for one user on one record, created by a cron since
  ``--since`` (response-limit warnings SVC-2, re-verification ARC-5, feedback CBK-2 ...);
- the same chatter note twice on one record from a cron since ``--since`` (breaches,
  declassifications ...);
- two reports of one kind for one period (RPT-1, RPT-2, RPT-4).

Lost work (each count must be 0), as of ``--due``:
- deliveries done and complaints with their result given back still without a callback;
- open unanswered tickets past their limit not flagged, or near it not warned (SVC-2);
- store feedback past its deadline not flagged (CBK-2);
- archives due for re-verification without a reminder (ARC-5), classified archives past
  their secrecy period (ARC-12);
- key customers without a callback this month when the coverage window is open (CBK-3);
- kefu crons that failed or are still due.
"""

import argparse
import configparser
import sys

import psycopg2

KEFU_CRONS = """
    SELECT c.id FROM ir_cron c JOIN ir_model_data d
      ON d.model = 'ir.cron' AND d.res_id = c.id AND d.module LIKE 'kefu%%'
"""
TZ = "Asia/Shanghai"

DUPLICATES = {
    "callbacks: two for one delivery (CBK-1)": """
        SELECT count(*) FROM (SELECT source_id FROM kefu_callback
         WHERE callback_type = 'service' AND source_id IS NOT NULL
         GROUP BY source_id HAVING count(*) > 1) x""",
    "callbacks: two for one complaint (CMP-5)": """
        SELECT count(*) FROM (SELECT ticket_id FROM kefu_callback
         WHERE callback_type = 'complaint' AND ticket_id IS NOT NULL AND state <> 'cancelled'
         GROUP BY ticket_id HAVING count(*) > 1) x""",
    "callbacks: two for one special day and customer (CBK-4)": """
        SELECT count(*) FROM (SELECT special_id, partner_id FROM kefu_callback
         WHERE special_id IS NOT NULL AND plan_key IS NOT NULL
         GROUP BY special_id, partner_id, split_part(plan_key, ':', 4)
         HAVING count(*) > 1) x""",
    "callbacks: two coverage callbacks for one customer and month (CBK-3)": """
        SELECT count(*) FROM (SELECT partner_id FROM kefu_callback
         WHERE callback_type = 'coverage'
         GROUP BY partner_id, date_trunc('month', (create_date AT TIME ZONE 'UTC')
                                         AT TIME ZONE %(tz)s)
         HAVING count(*) > 1) x""",
    "activities: the same one twice for one user and record, from crons": """
        SELECT count(*) FROM (SELECT 1 FROM mail_activity
         WHERE create_date >= %(since)s AND create_uid = 1
         GROUP BY res_model, res_id, activity_type_id, user_id, summary
         HAVING count(*) > 1) x""",
    # A note is its body and, for a tracking message (no body), the values it
    # tracks: two changes of one record (a breach, then a missed promise) are two
    # different messages, the same change twice is duplicate work.
    "chatter: the same note twice on one record, from crons": """
        SELECT count(*) FROM (SELECT 1 FROM (
          SELECT m.model, m.res_id, md5(coalesce(m.body, '')) AS body,
                 m.mail_activity_type_id,
                 (SELECT md5(coalesce(string_agg(concat_ws('|', t.field_id,
                           t.old_value_char, t.new_value_char, t.old_value_integer,
                           t.new_value_integer, t.old_value_datetime,
                           t.new_value_datetime, t.old_value_float, t.new_value_float,
                           t.old_value_text, t.new_value_text), ',' ORDER BY t.id), ''))
                    FROM mail_tracking_value t WHERE t.mail_message_id = m.id) AS tracked
            FROM mail_message m
           WHERE m.create_date >= %(since)s AND m.create_uid = 1 AND m.model IS NOT NULL
             AND m.message_type IN ('comment', 'notification')) notes
         GROUP BY model, res_id, body, mail_activity_type_id, tracked
         HAVING count(*) > 1) x""",
    "customer information reports: two for one sales person and month (ARC-4)": """
        SELECT count(*) FROM (SELECT 1 FROM kefu_customer_report
         GROUP BY user_id, period HAVING count(*) > 1) x""",
    "credit: two open periodic investigations of one customer (CRD-6)": """
        SELECT count(*) FROM (SELECT 1 FROM kefu_credit_investigation
         WHERE kind = 'periodic' AND state IN ('draft', 'evaluation')
         GROUP BY partner_id HAVING count(*) > 1) x""",
    "reports: two of one kind for one period (RPT-1/2/4)": """
        SELECT count(*) FROM (SELECT 1 FROM kefu_kpi_report
         GROUP BY kind, date_from, company_id HAVING count(*) > 1) x""",
}

LOST = {
    "deliveries done without their callback (CBK-1)": """
        SELECT count(*) FROM kefu_callback_source s
         WHERE s.state = 'done' AND s.source_type IN ('delivery', 'installation')
           AND s.done_date <= %(due)s
           AND (NOT coalesce(s.callback_planned, false)
                OR NOT EXISTS (SELECT 1 FROM kefu_callback c WHERE c.source_id = s.id))""",
    "complaints with their result given back, callback not planned (CMP-5)": """
        SELECT count(*) FROM helpdesk_ticket
         WHERE kefu_is_complaint AND kefu_complaint_state = 'result_sent'
           AND NOT coalesce(kefu_callback_planned, false) AND partner_id IS NOT NULL
           AND kefu_resolved_date <= %(due)s""",
    "open unanswered tickets past their limit, not flagged (SVC-2)": """
        SELECT count(*) FROM helpdesk_ticket t JOIN helpdesk_ticket_stage s ON s.id = t.stage_id
         WHERE NOT s.closed AND t.kefu_first_reply_date IS NULL
           AND t.kefu_response_deadline <= %(due)s
           AND NOT coalesce(t.kefu_response_breached, false)""",
    "open unanswered tickets near their limit, not warned (SVC-2)": """
        SELECT count(*) FROM helpdesk_ticket t JOIN helpdesk_ticket_stage s ON s.id = t.stage_id
         WHERE NOT s.closed AND t.kefu_first_reply_date IS NULL
           AND t.kefu_response_deadline <= %(due)s::timestamp
               + (SELECT coalesce(max(value), '30') FROM ir_config_parameter
                   WHERE key = 'kefu_management.svc_warn_minutes')::int
                 * interval '1 minute'
           AND NOT coalesce(t.kefu_response_warned, false)""",
    "store feedback past its deadline, not flagged (CBK-2)": """
        SELECT count(*) FROM kefu_callback
         WHERE feedback_state = 'to_send' AND NOT coalesce(feedback_overdue, false)
           AND feedback_deadline < %(due)s""",
    "archives due for re-verification without a reminder (ARC-5)": """
        SELECT count(*) FROM kefu_archive a
         WHERE a.next_verification_on <= (%(due)s::timestamp AT TIME ZONE 'UTC'
                                          AT TIME ZONE %(tz)s)::date
           AND NOT coalesce(a.destroyed, false) AND a.active
           AND NOT EXISTS (SELECT 1 FROM mail_activity m
                            JOIN ir_model_data d ON d.model = 'mail.activity.type'
                             AND d.res_id = m.activity_type_id
                             AND d.name = 'mail_activity_kefu_reverify'
                           WHERE m.res_model = 'kefu.archive' AND m.res_id = a.id)""",
    "classified archives past their secrecy period (ARC-12)": """
        SELECT count(*) FROM kefu_archive
         WHERE secrecy_level <> 'none'
           AND secrecy_end <= (%(due)s::timestamp AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date""",
}

COVERAGE = """
    SELECT count(*) FROM res_partner p
     WHERE p.kefu_key_customer AND p.active
       AND NOT EXISTS (
           SELECT 1 FROM kefu_callback c WHERE c.partner_id = p.id AND (
               (c.state = 'done' AND c.date_end >= %(month_utc)s)
               OR (c.state = 'planned' AND c.planned_date >= %(month_utc)s)
               OR c.plan_key = 'coverage:' || p.id || ':' || %(month)s))"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-c", "--config", default=".var/odoo.conf")
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--since", required=True, help="first trigger (UTC)")
    parser.add_argument("--due", required=True, help="last trigger (UTC)")
    args = parser.parse_args()
    conf = configparser.ConfigParser()
    conf.read(args.config)
    options = conf["options"]
    connection = psycopg2.connect(
        dbname=args.database,
        host=options.get("db_host") or None,
        port=options.get("db_port") or None,
        user=options.get("db_user") or None,
        password=options.get("db_password") or None,
    )
    params = {"since": args.since, "due": args.due, "tz": TZ}
    failed = 0
    with connection, connection.cursor() as cr:

        def check(label, sql, extra=None):
            nonlocal failed
            cr.execute(sql, {**params, **(extra or {})})
            value = cr.fetchone()[0]
            failed += bool(value)
            print(f"  {'OK  ' if not value else 'FAIL'} {value:>6}  {label}")

        print(f"duplicate work (crons first due {args.since} UTC):")
        for label, sql in DUPLICATES.items():
            check(label, sql)
        print(f"lost work (everything due at {args.due} UTC done):")
        for label, sql in LOST.items():
            check(label, sql)
        # CBK-3: the coverage window is the last days of the month (setting, default 5).
        cr.execute(
            """SELECT (date_trunc('month', local) + interval '1 month')::date - local::date,
                      date_trunc('month', local)::date,
                      (date_trunc('month', local) AT TIME ZONE %(tz)s) AT TIME ZONE 'UTC'
                 FROM (SELECT (%(due)s::timestamp AT TIME ZONE 'UTC') AT TIME ZONE %(tz)s
                       AS local) x""",
            params,
        )
        days_left, month, month_utc = cr.fetchone()
        cr.execute(
            "SELECT value FROM ir_config_parameter"
            " WHERE key = 'kefu_management.cbk_coverage_warn_days'"
        )
        row = cr.fetchone()
        warn = int(row[0]) if row else 5
        if days_left <= warn:
            check(
                "key customers without a callback this month (CBK-3 coverage window open)",
                COVERAGE,
                {"month": month.isoformat(), "month_utc": month_utc},
            )
        else:
            print(
                f"  n/a         key-customer coverage (window opens {warn} days before month end)"
            )
        cr.execute(
            f"SELECT cron_name, failure_count FROM ir_cron"
            f" WHERE id IN ({KEFU_CRONS}) AND failure_count > 0"
        )
        failures = cr.fetchall()
        check("kefu crons that failed (failure_count > 0)", f"SELECT {len(failures)}")
        for name, count in failures:
            print(f"         {name}: {count}")
        cr.execute(
            f"""SELECT c.cron_name FROM ir_cron c
                 WHERE c.id IN ({KEFU_CRONS}) AND c.active
                   AND (c.nextcall <= %(due)s OR c.lastcall IS NULL OR c.lastcall < %(due)s)""",
            params,
        )
        late = [row[0] for row in cr.fetchall()]
        check("kefu crons not run since the last trigger", f"SELECT {len(late)}")
        for name in late:
            print(f"         {name}")
        cr.execute(
            f"""SELECT count(*), coalesce(sum(p.done), 0) FROM ir_cron_progress p
                 WHERE p.cron_id IN ({KEFU_CRONS}) AND p.create_date >= %(since)s""",
            params,
        )
        runs, done = cr.fetchone()
        print(f"kefu cron batches since the first trigger: {runs}, records handled: {done}")
    print("cron checks:", "all OK" if not failed else f"{failed} FAILED")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

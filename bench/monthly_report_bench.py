"""Benchmark: the monthly service-quality report (RPT-2) on a large month.

Creates 100,000 tickets and 50,000 callbacks with SQL inserts (inside one
transaction that is rolled back at the end), produces the report's XLSX, and
prints time and query count next to Odoo's own list export (xlsx) of the same
tickets; ``--memory`` adds a separate pass with tracemalloc for the peak Python
memory (tracemalloc slows the export several times, so never in the timed pass).

Usage (from the repository top, on an existing database with kefu_management):
    .venv/bin/python bench/monthly_report_bench.py -c .var/odoo.conf -d kefu_kpi_dev
Not run by the test command.
"""

import argparse
import time
import tracemalloc
import types
from datetime import date

TICKETS = 100_000
CALLBACKS = 50_000
EXPORT_FIELDS = [
    "name",
    "kefu_contact_date",
    "team_id",
    "user_id",
    "kefu_enquiry_type_id",
    "channel_id",
    "kefu_is_complaint",
    "kefu_complaint_cause_id",
    "kefu_resolved_date",
    "kefu_response_breached",
]


def measure(env, label, func, memory=False):
    """Time and queries; with ``memory`` (a separate pass), the peak Python memory
    only: tracemalloc slows the list export ~5x, so it never runs in the timed pass."""
    cr = env.cr
    env.invalidate_all()
    if memory:
        tracemalloc.start()
    queries = cr.sql_log_count
    start = time.perf_counter()
    size = len(func())
    elapsed = time.perf_counter() - start
    if memory:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"{label:<36} {peak / 1024 / 1024:8.1f} MiB peak {size / 1024:8.0f} KiB")
        return
    print(
        f"{label:<36} {elapsed:8.2f} s {cr.sql_log_count - queries:8d} queries "
        f"{size / 1024:8.0f} KiB"
    )


def insert_data(env):
    cr = env.cr
    company = env.company
    stage = env["helpdesk.ticket.stage"].search([], limit=1)
    types = env["kefu.enquiry.type"].search([])
    channels = env["helpdesk.ticket.channel"].search([])
    causes = env["kefu.complaint.cause"].search([])
    teams = env["helpdesk.ticket.team"].search([])
    users = env["res.users"].search([("share", "=", False)], limit=20)
    partner = env["res.partner"].search([], limit=1)
    complaint_type = env.ref("kefu_management.kefu_enquiry_type_complaint")
    start = time.perf_counter()
    cr.execute(
        """
        INSERT INTO helpdesk_ticket (
            name, description, number, stage_id, company_id, team_id, user_id,
            kefu_first_responder_id, partner_id, kefu_contact_date, kefu_enquiry_type_id,
            kefu_is_complaint, channel_id, kefu_complaint_state, kefu_complaint_cause_id,
            kefu_resolved_date, kefu_promised_date, kefu_on_time_rate, kefu_resolution_rate,
            kefu_response_deadline, kefu_response_breached, kefu_complaint_level,
            create_date, write_date, create_uid, write_uid, active
        )
        SELECT 'Bench ' || g, '<p>bench</p>', 'BENCH' || g, %(stage)s, %(company)s,
               (%(teams)s::int[])[1 + g %% array_length(%(teams)s::int[], 1)],
               (%(users)s::int[])[1 + g %% array_length(%(users)s::int[], 1)],
               (%(users)s::int[])[1 + g %% array_length(%(users)s::int[], 1)],
               %(partner)s,
               timestamp '2031-03-01' + (g %% 30) * interval '1 day' + interval '2 hours',
               CASE WHEN g %% 10 = 0 THEN %(complaint)s
                    ELSE (%(types)s::int[])[1 + g %% array_length(%(types)s::int[], 1)] END,
               g %% 10 = 0,
               (%(channels)s::int[])[1 + g %% array_length(%(channels)s::int[], 1)],
               CASE WHEN g %% 20 = 0 THEN 'result_sent' ELSE 'judged' END,
               (%(causes)s::int[])[1 + g %% greatest(array_length(%(causes)s::int[], 1), 1)],
               CASE WHEN g %% 20 = 0 THEN timestamp '2031-03-25' END,
               timestamp '2031-03-28',
               CASE WHEN g %% 20 = 0 THEN 100 ELSE 0 END,
               CASE WHEN g %% 20 = 0 THEN 100 ELSE 0 END,
               timestamp '2031-03-01' + (g %% 30) * interval '1 day' + interval '4 hours',
               g %% 7 = 0, 'normal', now(), now(), 1, 1, true
          FROM generate_series(1, %(count)s) AS g
        """,
        {
            "stage": stage.id,
            "company": company.id,
            "teams": teams.ids or [None],
            "users": users.ids,
            "partner": partner.id,
            "complaint": complaint_type.id,
            "types": types.ids,
            "channels": channels.ids,
            "causes": causes.ids or [None],
            "count": TICKETS,
        },
    )
    if "kefu.callback" in env:
        cr.execute(
            """
            INSERT INTO kefu_callback (
                name, partner_id, callback_type, state, feedback_state, planned_date, user_id,
                company_id,
                satisfaction, satisfaction_score, create_date, write_date, create_uid, write_uid
            )
            SELECT 'BENCH-CB' || g, %(partner)s, 'manual',
                   CASE WHEN g %% 3 = 0 THEN 'planned' ELSE 'done' END, 'none',
                   timestamp '2031-03-01' + (g %% 30) * interval '1 day' + interval '3 hours',
                   (%(users)s::int[])[1 + g %% array_length(%(users)s::int[], 1)], %(company)s,
                   CASE WHEN g %% 3 = 0 THEN NULL ELSE '4' END,
                   CASE WHEN g %% 3 = 0 THEN 0 ELSE 4 END,
                   now(), now(), 1, 1
              FROM generate_series(1, %(count)s) AS g
            """,
            {"partner": partner.id, "users": users.ids, "company": company.id, "count": CALLBACKS},
        )
    env.invalidate_all()
    print(
        f"inserted {TICKETS} tickets, {CALLBACKS} callbacks in {time.perf_counter() - start:.1f} s"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config", default=".var/odoo.conf")
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument(
        "--memory", action="store_true", help="a second pass with tracemalloc (peaks only)"
    )
    args = parser.parse_args()

    import odoo  # noqa: PLC0415 - configured below, before the addons are imported

    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    odoo.modules.module.initialize_sys_path()
    from odoo.http import _request_stack  # noqa: PLC0415

    from odoo.addons.web.controllers.export import ExportXlsxWriter  # noqa: PLC0415

    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        try:
            insert_data(env)
            report = env["kefu.kpi.report"].create(
                {"kind": "quality", "date_from": date(2031, 3, 1), "date_to": date(2031, 3, 31)}
            )

            def monthly_report():
                return env["ir.actions.report"]._render_xlsx(
                    "kefu_management.kefu_kpi_report_xlsx", report.ids, data={}
                )[0]

            def list_export():
                tickets = env["helpdesk.ticket"].search(
                    [
                        ("kefu_contact_date", ">=", "2031-03-01"),
                        ("kefu_contact_date", "<", "2031-04-01"),
                    ]
                )
                rows = tickets.export_data(EXPORT_FIELDS)["datas"]
                # The web client's writer reads the environment from the request.
                _request_stack.push(types.SimpleNamespace(env=env))
                with ExportXlsxWriter(EXPORT_FIELDS, EXPORT_FIELDS, len(rows)) as writer:
                    for row_index, row in enumerate(rows):
                        for cell_index, value in enumerate(row):
                            writer.write_cell(row_index + 1, cell_index, value)
                _request_stack.pop()
                return writer.value

            print(f"{'':<36} {'time':>10} {'queries':>16} {'size':>12}")
            measure(env, "monthly report (kefu.kpi.report)", monthly_report)
            measure(env, "Odoo list export (xlsx)", list_export)
            if args.memory:
                print("memory pass (tracemalloc on, times not comparable)")
                measure(env, "monthly report (kefu.kpi.report)", monthly_report, memory=True)
                measure(env, "Odoo list export (xlsx)", list_export, memory=True)
        finally:
            cr.rollback()


if __name__ == "__main__":
    main()

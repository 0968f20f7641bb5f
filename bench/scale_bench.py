"""Benchmarks of issue 17: kefu's hot paths next to the framework's own cost.

Sub-commands (each prints both sides of every ratio, with query counts):

    working-time   kefu.working.time vs core resource.calendar plan_hours/plan_days,
                   with a public holiday and a make-up day, N calls each
    callback       planning N callbacks after a delivery (working time, agent
                   picking, form) vs Odoo's plain create of the same callbacks
    ticket-form    get_views + web_read of a ticket form as an agent, kefu's
                   specification vs plain helpdesk_mgmt's fields only
    followers      a partner's chatter load (thread data + messages) as an agent
                   below Top-secret clearance vs as superuser
    reply          an agent's first and second reply to the customer on a ticket
                   (message_post as /mail/message/post does it), kefu's hooks on vs off
    handover       action_hand_over of a shift handover with 10 open matters vs the
                   ORM's writes it amounts to; and with 20 matters vs 10
    all            every one of them

Times are taken without tracemalloc; ``--memory`` runs the same work again in a
separate pass with tracemalloc on and prints only the peak Python memory.
Everything a run writes is rolled back.

Usage (from the repository top, on a database with kefu_management and demo data):
    .venv/bin/python -u bench/scale_bench.py -d kefu all -n 1000
    .venv/bin/python -u bench/scale_bench.py -d kefu callback -n 10000 --memory
``-n`` is the number of calls (working time) or callbacks per side, ``--loads`` the
number of form or chatter loads, replies or handovers per side (the ticket form
uses up to that many of the tickets the agent sees).
Not run by the test command.
"""

import argparse
import time
import tracemalloc
from datetime import date, datetime, timedelta

from lxml import etree


class Meter:
    """Time and queries of one measured call; memory only in the memory pass."""

    def __init__(self, env, memory):
        self.env = env
        self.memory = memory

    def __call__(self, func):
        cr = self.env.cr
        self.env.flush_all()
        if self.memory:
            tracemalloc.start()
        queries = cr.sql_log_count
        start = time.perf_counter()
        func()
        self.env.flush_all()
        elapsed = time.perf_counter() - start
        peak = 0
        if self.memory:
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        return elapsed, cr.sql_log_count - queries, peak


def report(title, count, kefu, other, labels):
    """One line per side, then the ratio of kefu's side to the other."""
    print(f"\n{title} ({count} per side)")
    width = max(len(label) for label in labels)
    for label, (elapsed, queries, peak) in zip(labels, (kefu, other), strict=True):
        line = (
            f"  {label:<{width}} {elapsed * 1000:10.1f} ms {queries:8d} queries "
            f"{elapsed * 1e6 / count:9.1f} us/call {queries / count:7.2f} queries/call"
        )
        if peak:
            line += f" {peak / 1024 / 1024:8.2f} MiB peak"
        print(line)
    ratio_time = kefu[0] / other[0] if other[0] else float("inf")
    ratio_queries = kefu[1] / other[1] if other[1] else float("inf")
    print(f"  ratio kefu/other: time {ratio_time:.2f}x, queries {ratio_queries:.2f}x")


# Working time -------------------------------------------------------------------


def bench_working_time(env, count, meter):
    calendar = env["kefu.working.time"]._calendar()
    wt = env["kefu.working.time"]
    # A public holiday and a make-up day in the measured year (rolled back).
    env["resource.calendar.leaves"].create(
        {
            "name": "Bench holiday",
            "calendar_id": calendar.id,
            "date_from": datetime(2031, 5, 1, 0, 0),
            "date_to": datetime(2031, 5, 5, 23, 59),
            "time_type": "leave",
        }
    )
    env["kefu.makeup.day"].create(
        {"name": "Bench make-up", "date": date(2031, 4, 26), "calendar_id": calendar.id}
    )
    # Spread over the whole year, so that kefu fills its cache for every month.
    year = 365 * 24 * 60
    starts = [datetime(2031, 1, 1, 1, 0) + timedelta(minutes=i * 523 % year) for i in range(count)]
    days = [(start.date(), i % 5 + 1) for i, start in enumerate(starts)]
    cases = [
        (
            "add_working_hours(9.5) vs plan_hours(9.5, compute_leaves=True)",
            lambda: [wt.add_working_hours(s, 9.5) for s in starts],
            lambda: [calendar.plan_hours(9.5, s, compute_leaves=True) for s in starts],
            ("kefu add_working_hours", "core plan_hours"),
        ),
        (
            "add_working_days(2) vs plan_days(2, compute_leaves=True)",
            lambda: [wt.add_working_days(s, 2) for s in starts],
            lambda: [calendar.plan_days(2, s, compute_leaves=True) for s in starts],
            ("kefu add_working_days", "core plan_days"),
        ),
        (
            "add_working_dates(n) vs plan_days(n + 1, compute_leaves=True)",
            lambda: [wt.add_working_dates(day, n) for day, n in days],
            lambda: [
                calendar.plan_days(n + 1, datetime.combine(day, datetime.min.time()), True)
                for day, n in days
            ],
            ("kefu add_working_dates", "core plan_days"),
        ),
    ]
    for title, kefu, core, labels in cases:
        env.registry.clear_cache()  # a cold worker: kefu pays for its monthly cache here
        env.invalidate_all()
        report(title, count, meter(kefu), meter(core), labels)


# Callback creation ------------------------------------------------------------------


def bench_callback(env, count, meter):
    env = env(context=dict(env.context, tracking_disable=False))
    partner = env["res.partner"].create({"name": "Bench customer", "tz": "Asia/Shanghai"})
    now = datetime(2031, 6, 9, 2, 0)
    sources = env["kefu.callback.source"].create(
        [
            {
                "name": f"Bench delivery {i}",
                "partner_id": partner.id,
                "source_type": "delivery",
                "state": "done",
                "done_date": now - timedelta(days=1),
            }
            for i in range(count)
        ]
    )
    planner = env["kefu.callback.planner"]
    env.flush_all()

    def plan():
        for start in range(0, count, 100):  # the cron's batch size
            planner._plan_after_service(sources[start : start + 100])

    kefu = meter(plan)
    planned = env["kefu.callback"].search([("source_id", "in", sources.ids)])
    vals_list = [
        {
            "partner_id": partner.id,
            "callback_type": "service",
            "planned_date": callback.planned_date,
            "deadline_date": callback.deadline_date,
            "user_id": callback.user_id.id,
            "team_id": callback.team_id.id,
        }
        for callback in planned
    ]
    Callback = env["kefu.callback"].with_context(
        mail_auto_subscribe_no_notify=True, mail_create_nolog=True
    )

    def create():
        for start in range(0, count, 100):
            Callback.create(vals_list[start : start + 100])

    plain = meter(create)
    report(
        "callback creation: planner (working time, agent, form) vs ORM create of the result",
        count,
        kefu,
        plain,
        ("kefu planner", "ORM create"),
    )


# Ticket form -------------------------------------------------------------------


def form_specification(arch, model):
    spec = {}
    root = etree.fromstring(arch)
    for node in root.iter("field"):
        owner = next((a for a in node.iterancestors() if a.tag in ("list", "kanban", "form")), root)
        field = model._fields.get(node.get("name"))
        if owner is not root or field is None:
            continue
        if field.type in ("many2one", "one2many", "many2many"):
            spec[field.name] = {"fields": {"display_name": {}}}
        else:
            spec[field.name] = {}
    return spec


def bench_ticket_form(env, count, meter):
    agent = env["res.users"].search([("login", "=", "kefu_agent")], limit=1)
    Ticket = env["helpdesk.ticket"].with_user(agent)
    tickets = Ticket.search([], limit=count) or Ticket.browse()
    if not tickets:
        print("\nticket form: the agent sees no ticket, skipped")
        return
    arch = Ticket.get_views([(False, "form")])["views"]["form"]["arch"]
    spec = form_specification(arch, Ticket)
    plain = {name: value for name, value in spec.items() if not name.startswith("kefu_")}

    def open_forms(specification):
        def run():
            for ticket in tickets:
                env.invalidate_all()
                Ticket.get_views([(False, "form")])
                ticket.web_read(specification)

        return run

    open_forms(spec)()  # warm the view and rule caches
    open_forms(plain)()
    report(
        f"ticket form as {agent.login}: kefu's {len(spec)} fields vs helpdesk_mgmt's {len(plain)}",
        len(tickets),
        meter(open_forms(spec)),
        meter(open_forms(plain)),
        ("kefu form", "plain helpdesk_mgmt form"),
    )


# Followers rule ------------------------------------------------------------------


def bench_followers(env, count, meter):
    from odoo.addons.mail.tools.discuss import Store  # noqa: PLC0415

    agent = env["res.users"].search([("login", "=", "kefu_agent")], limit=1)
    partner = env["res.partner"].create({"name": "Bench chatter"})
    partner.message_subscribe(partner_ids=env["res.users"].search([], limit=5).partner_id.ids)
    for i in range(20):
        partner.message_post(body=f"Bench note {i}", subtype_xmlid="mail.mt_note")
    request_list = ["activities", "attachments", "followers", "suggestedRecipients"]
    domain = [
        ("res_id", "=", partner.id),
        ("model", "=", "res.partner"),
        ("message_type", "!=", "user_notification"),
    ]

    def chatter(user_env):
        thread = user_env["res.partner"].browse(partner.id)

        def run():
            for _i in range(count):
                user_env.invalidate_all()
                Store(thread, as_thread=True, request_list=request_list).get_result()
                messages = user_env["mail.message"]._message_fetch(domain, limit=30)["messages"]
                Store(messages, for_current_user=True).get_result()

        return run

    agent_env = env(user=agent, su=False)
    super_env = env(su=True)
    chatter(agent_env)()
    chatter(super_env)()
    # Issue 17: kefu's archive guard on followers and activities (ARC-10) against
    # the same agent with the guard switched off: the difference is kefu's cost.
    from unittest.mock import patch  # noqa: PLC0415

    from odoo.addons.kefu_management.models.archive.kefu_archive_attached import KefuArchiveAttached  # noqa: PLC0415

    def unguarded(run):
        def wrapped():
            with (
                patch.object(
                    KefuArchiveAttached, "_kefu_may_match_archives", staticmethod(lambda d: False)
                ),
                patch.object(
                    KefuArchiveAttached,
                    "_check_access",
                    lambda self, op: super(KefuArchiveAttached, self)._check_access(op),
                ),
            ):
                run()

        return wrapped

    report(
        f"partner chatter load as {agent.login}: kefu's archive guard on vs off",
        count,
        meter(chatter(agent_env)),
        meter(unguarded(chatter(agent_env))),
        ("guard on", "guard off"),
    )
    report(
        f"partner chatter load: {agent.login} (below Top-secret) vs superuser",
        count,
        meter(chatter(agent_env)),
        meter(chatter(super_env)),
        (f"as {agent.login}", "as superuser"),
    )


# Reply -----------------------------------------------------------------------------


def bench_reply(env, count, meter):
    """An agent's replies to the customer, as ``/mail/message/post`` posts them: the
    ticket as the agent, posted as superuser, the customer as recipient; a new
    request each (empty record cache), the tracking included."""
    from unittest.mock import patch  # noqa: PLC0415

    from odoo.addons.kefu_management.models.service_desk.helpdesk_ticket_response import (  # noqa: PLC0415
        HelpdeskTicket as ResponseTicket,
    )

    env = env(context=dict(env.context, tracking_disable=False))
    agent = env["res.users"].search([("login", "=", "kefu_agent")], limit=1)
    customer = env["res.partner"].create({"name": "Bench customer", "email": "bench@example.com"})
    team = env["helpdesk.ticket.team"].search([], limit=1)

    def tickets():
        made = (
            env["helpdesk.ticket"]
            .with_user(agent)
            .create(
                [
                    {
                        "name": f"Bench reply {i}",
                        "description": "<p>Where is my order?</p>",
                        "partner_id": customer.id,
                        "team_id": team.id,
                        "user_id": agent.id,
                    }
                    for i in range(count)
                ]
            )
        )
        env.flush_all()
        env.cr.precommit.run()  # their creation tracking, not the replies'
        return made

    def replies(records):
        def run():
            for ticket in records:
                env.invalidate_all()
                thread = ticket.with_user(agent).sudo().with_context(mail_post_autofollow=True)
                thread.message_post(
                    body="<p>Your order leaves the warehouse today.</p>",
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                    partner_ids=customer.ids,
                )
                env.flush_all()
                env.cr.precommit.run()

        return run

    def hooks_off(run):
        # kefu's reply hook (SVC-2) switched off: Odoo's and helpdesk_mgmt's cost.
        def wrapped():
            with patch.object(
                ResponseTicket,
                "message_post",
                lambda self, **kwargs: super(ResponseTicket, self).message_post(**kwargs),
            ):
                run()

        return wrapped

    replies(tickets())()  # warm the worker's caches
    hooks_off(replies(tickets()))()
    kefu_tickets, plain_tickets = tickets(), tickets()
    first = meter(replies(kefu_tickets)), meter(hooks_off(replies(plain_tickets)))
    second = meter(replies(kefu_tickets)), meter(hooks_off(replies(plain_tickets)))
    labels = ("kefu hooks on", "kefu hooks off")
    report(f"first reply to the customer as {agent.login}", count, *first, labels)
    report(f"second reply to the customer as {agent.login}", count, *second, labels)


# Shift handover ------------------------------------------------------------------

HANDOVER_LINES = 10


def bench_handover(env, count, meter):
    """SVC-5: ``action_hand_over`` of handovers with 10 open matters each, against
    the writes it amounts to (state, the next shift's activity) done by the ORM;
    then the same action with 20 matters against 10 (its growth per matter)."""
    env = env(context=dict(env.context, tracking_disable=False))
    agent = env["res.users"].search([("login", "=", "kefu_agent")], limit=1)
    next_user = env["res.users"].search(
        [("login", "!=", agent.login), ("login", "like", "kefu_"), ("share", "=", False)], limit=1
    )
    customer = env["res.partner"].create({"name": "Bench customer", "email": "bench@example.com"})
    team = env["helpdesk.ticket.team"].search([], limit=1)
    tickets = env["helpdesk.ticket"].create(
        [
            {
                "name": f"Bench open matter {i}",
                "description": "<p>Open.</p>",
                "partner_id": customer.id,
                "team_id": team.id,
                "user_id": agent.id,
            }
            for i in range(2 * HANDOVER_LINES)
        ]
    )
    Handover = env["kefu.shift.handover"].with_user(agent)

    def handovers(lines):
        made = Handover.create(
            [
                {
                    "shift_start": datetime(2031, 6, 9, 0, 0),
                    "shift_end": datetime(2031, 6, 9, 8, 0),
                    "next_user_id": next_user.id,
                    "line_ids": [
                        (0, 0, {"ticket_id": t.id, "cause": t.name, "process": "Called."})
                        for t in tickets[:lines]
                    ],
                }
                for _i in range(count)
            ]
        )
        env.flush_all()
        env.cr.precommit.run()
        return made

    def each(records, action):
        def run():
            for handover in records:
                env.invalidate_all()
                action(handover)
                env.flush_all()
                env.cr.precommit.run()

        return run

    def plain(handover):
        handover.write({"state": "handed_over"})
        handover.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Acknowledge the shift handover",
            user_id=handover.next_user_id.id,
        )

    def hand_over(handover):
        handover.action_hand_over()

    each(handovers(HANDOVER_LINES), hand_over)()  # warm the worker's caches
    each(handovers(HANDOVER_LINES), plain)()
    ten = meter(each(handovers(HANDOVER_LINES), hand_over))
    report(
        f"hand over {HANDOVER_LINES} open matters: action_hand_over vs the ORM's writes",
        count,
        ten,
        meter(each(handovers(HANDOVER_LINES), plain)),
        ("action_hand_over", "ORM write + activity"),
    )
    report(
        f"action_hand_over: {2 * HANDOVER_LINES} open matters vs {HANDOVER_LINES}",
        count,
        meter(each(handovers(2 * HANDOVER_LINES), hand_over)),
        ten,
        (f"{2 * HANDOVER_LINES} matters", f"{HANDOVER_LINES} matters"),
    )


# name: (function, scales with -n: else it repeats --loads page loads)
BENCHES = {
    "working-time": (bench_working_time, True),
    "callback": (bench_callback, True),
    "ticket-form": (bench_ticket_form, False),
    "followers": (bench_followers, False),
    "reply": (bench_reply, False),
    "handover": (bench_handover, False),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=[*BENCHES, "all"])
    parser.add_argument("-c", "--config", default=".var/odoo.conf")
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument(
        "-n", "--count", type=int, default=1000, help="calls or callbacks per side (1000)"
    )
    parser.add_argument(
        "--loads",
        type=int,
        default=50,
        help="form or chatter loads, replies or handovers per side (50)",
    )
    parser.add_argument(
        "--memory", action="store_true", help="a separate pass with tracemalloc on (peaks only)"
    )
    args = parser.parse_args()

    import odoo  # noqa: PLC0415 - configured below, before the addons are imported

    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    odoo.modules.module.initialize_sys_path()
    registry = odoo.modules.registry.Registry(args.database)
    names = list(BENCHES) if args.what == "all" else [args.what]
    print(f"database {args.database}, {'memory pass' if args.memory else 'timing pass'}")
    for name in names:
        func, scales = BENCHES[name]
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            try:
                func(env, args.count if scales else args.loads, Meter(env, args.memory))
            finally:
                cr.rollback()


if __name__ == "__main__":
    main()

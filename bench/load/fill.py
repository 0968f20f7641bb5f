"""Fill a database for the load test (issue 17): customers, archives, tickets, callbacks.

Fills a COPY of a kefu database (never a real one: it adds tens of thousands of records)
up to the given numbers:

- ``--agents`` agent users ``kefu_load_agent_NN`` (password = login, group kefu Agent,
  language zh_CN), in teams of ten (客服一组, 客服二组, ...);
- ``--customers`` institutional customers (``ref`` LOAD-C000001 ...), a tenth of them key
  customers, each with its archive (ARC-1) allocated to an agent (ARC-15); a few archives
  with their re-verification due (ARC-5) or their secrecy period ended (ARC-12);
- ``--tickets`` helpdesk tickets (``number`` LT0000001 ...) over the last two years, a mix of
  channels and enquiry types, most closed, the open ones of the last days with their reply
  deadline (SVC-2, computed by kefu's working-time service); each with the customer's first
  message and its followers (customer and agent); some complaints with their result given
  back and the callback still to plan (CMP-5);
- ``--callbacks`` callbacks (``name`` LCB0000001 ...) with their forms (CBK-1): most done,
  some planned for the next days (the agents' work), some with store feedback overdue
  (CBK-2);
- ``--deliveries`` deliveries done yesterday whose callback is still to plan (CBK-1).

The due work (complaints, deliveries, overdue feedback, archives, open tickets near their
limit, key-customer coverage near the month end) is for kefu's scheduled actions during the
load test; ``bench/load/check_crons.py`` checks afterwards that each was done exactly once.

Crons that reach the internet (Odoo's publisher, IAP enrichment, partner autocomplete,
snailmail, SMS) are deactivated in the filled database.

Idempotent: each kind is counted by its marker and only what is missing is added, so a run
after an interrupted one, or with larger numbers, completes the data set. Fast: users,
customers and deliveries through the ORM in batches of 1,000 with tracking off; archives,
tickets, messages, followers, callbacks and answers with set-based ``INSERT ... SELECT
generate_series``, then kefu's stored computed fields recomputed through the ORM
(deadlines through the working-time service).

    .venv/bin/python -u bench/load/fill.py -d kefu_load                # 10k/100k/50k, 50 agents
    .venv/bin/python -u bench/load/fill.py -d kefu_load --customers 500 --tickets 2000 \\
        --callbacks 1000 --agents 5                                    # a small data set
"""

import argparse
import json
import time
from datetime import datetime, timedelta

CITIES = "上海 北京 广州 深圳 杭州 南京 苏州 成都 武汉 天津 重庆 西安".split()
TRADES = "华盛 恒通 永信 瑞丰 东方 金鼎 宏达 新锐 嘉禾 鼎力 远航 中联".split()
KINDS = "贸易 电器 建材 家居 机电 科技 商贸 实业".split()
TEAM_NAMES = "客服一组 客服二组 客服三组 客服四组 客服五组 客服六组 客服七组".split()
NETWORK_CRONS = [
    "mail.ir_cron_module_update_notification",
    "crm_iap_enrich.ir_cron_lead_enrichment",
    "partner_autocomplete.ir_cron_partner_autocomplete",
    "snailmail.snailmail_print",
    "sms.ir_cron_sms_scheduler_action",
    "mail.ir_cron_web_push_notification",
]
BATCH = 1000
QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_notrack": True,
    "mail_create_nosubscribe": True,
    "no_reset_password": True,
}


def log(started, text):
    print(f"[{time.perf_counter() - started:7.1f} s] {text}", flush=True)


def count(cr, sql, *params):
    cr.execute(sql, params)
    return cr.fetchone()[0]


def company_name(index):
    city = CITIES[index % len(CITIES)]
    trade = TRADES[index // len(CITIES) % len(TRADES)]
    kind = KINDS[index // 7 % len(KINDS)]
    return f"{city}{trade}{kind}有限公司（{index:05d}）"


# Users and teams -------------------------------------------------------------------


def fill_agents(env, wanted):
    Users = env["res.users"].with_context(**QUIET)
    agent_group = env.ref("kefu_management.group_kefu_agent")
    existing = Users.with_context(active_test=False).search(
        [("login", "=like", "kefu_load_agent_%")]
    )
    have = set(existing.mapped("login"))
    todo = [f"kefu_load_agent_{i:02d}" for i in range(1, wanted + 1)]
    todo = [login for login in todo if login not in have]
    zh = env["res.lang"]._lang_get("zh_CN")
    for login in todo:
        number = int(login.rsplit("_", 1)[1])
        Users.create(
            {
                "name": f"客服专员{number:02d}",
                "login": login,
                "password": login,
                "email": f"{login}@example.com",
                "tz": "Asia/Shanghai",
                "lang": "zh_CN" if zh else "en_US",
                "groups_id": [(6, 0, [agent_group.id, env.ref("base.group_user").id])],
            }
        )
    agents = Users.search([("login", "=like", "kefu_load_agent_%")], order="login")
    agents = agents[:wanted]
    # Teams of ten agents, led by the demo Team Leader (the rule "tickets of the teams
    # I lead"), else by the administrator.
    leader = env["res.users"].search([("login", "=", "kefu_leader")], limit=1)
    leader = leader or env.ref("base.user_admin")
    Team = env["helpdesk.ticket.team"].with_context(lang="zh_CN", **QUIET)
    teams = Team.browse()
    for index in range((len(agents) + 9) // 10):
        name = TEAM_NAMES[index] if index < len(TEAM_NAMES) else f"客服{index + 1}组"
        team = Team.search([("name", "=", name)], limit=1)
        if not team:
            team = Team.create({"name": name, "user_id": leader.id})
        team.write({"user_ids": [(4, user.id) for user in agents[index * 10 : index * 10 + 10]]})
        teams |= team
    return agents, teams


# Customers and archives -----------------------------------------------------------------


def fill_customers(env, wanted, started):
    cr = env.cr
    have = count(cr, "SELECT count(*) FROM res_partner WHERE ref LIKE 'LOAD-C%%'")
    Partner = env["res.partner"].with_context(**QUIET)
    stores = Partner.search([("ref", "=like", "LOAD-S%")])
    if not stores:
        stores = Partner.create(
            [
                {
                    "name": f"{CITIES[i]}专卖店",
                    "ref": f"LOAD-S{i + 1:03d}",
                    "is_company": True,
                    "email": f"store{i + 1:03d}@example.com",
                }
                for i in range(len(CITIES))
            ]
        )
    for start in range(have + 1, wanted + 1, BATCH):
        stop = min(start + BATCH, wanted + 1)
        Partner.create(
            [
                {
                    "name": company_name(i),
                    "ref": f"LOAD-C{i:06d}",
                    "is_company": True,
                    "email": f"customer{i:06d}@example.com",
                    "phone": f"+86 21 {5000_0000 + i}",
                    "city": CITIES[i % len(CITIES)],
                    "tz": "Asia/Shanghai",
                    "lang": "zh_CN",
                    # CBK-3: a tenth are key customers (full coverage every month).
                    "kefu_key_customer": i % 10 == 0,
                    "kefu_store_id": stores[i % len(stores)].id if i % 3 == 0 else False,
                }
                for i in range(start, stop)
            ]
        )
        env.invalidate_all()
        log(started, f"customers: {stop - 1} / {wanted}")
    if have >= wanted:
        log(started, f"customers: {have} present")
    cr.execute("SELECT id FROM res_partner WHERE ref LIKE 'LOAD-C%%' ORDER BY ref")
    return [row[0] for row in cr.fetchall()]


def fill_archives(env, partner_ids, agents, started):
    """ARC-1/ARC-15: one archive per customer, allocated to an agent; a fiftieth with
    their quarterly re-verification due (ARC-5), every 500th Secret archive with its
    secrecy period ended (ARC-12)."""
    cr = env.cr
    working = env["kefu.working.time"]
    days = env["kefu.settings"].get_value("kefu_arc_first_contact_days")
    now = datetime.now().replace(microsecond=0)
    # Allocation days (one per week back over two years), their first-contact due times
    # from kefu's working-time service.
    allocations = [now - timedelta(days=7 * w + 30) for w in range(104)]
    dues = [working.add_working_days(moment, days) for moment in allocations]
    cr.execute(
        """
        INSERT INTO kefu_archive (
            partner_id, company_id, agent_id, active, destroyed, secrecy_level, classified_on,
            classified_by_id, secrecy_end, allocated_on, first_contact_due, first_contact_on,
            verified_on, verified_by_id, staff_count, company_size, create_uid, write_uid,
            create_date, write_date)
        SELECT p.id, %(company)s, (%(agents)s::int[])[1 + p.n %% %(nagents)s], true, false,
               CASE WHEN p.n %% 10 = 3 THEN 'secret' ELSE 'none' END,
               CASE WHEN p.n %% 10 = 3 THEN (%(now)s - interval '400 days')::date END,
               CASE WHEN p.n %% 10 = 3 THEN %(admin)s END,
               CASE WHEN p.n %% 10 = 3 THEN
                   CASE WHEN p.n %% 500 = 3 THEN (%(now)s - interval '1 day')::date
                        ELSE (%(now)s + interval '700 days')::date END END,
               (%(alloc)s::timestamp[])[1 + p.n %% 104],
               (%(dues)s::timestamp[])[1 + p.n %% 104],
               (%(alloc)s::timestamp[])[1 + p.n %% 104] + interval '2 days',
               -- ARC-5: verified in the last 80 days, a fiftieth 100 days ago (due now)
               CASE WHEN p.n %% 50 = 7 THEN %(now)s - interval '100 days'
                    ELSE %(now)s - (p.n %% 80) * interval '1 day' END,
               %(admin)s, 20 + p.n %% 500, (ARRAY['小型', '中型', '大型'])[1 + p.n %% 3],
               %(admin)s, %(admin)s,
               (%(alloc)s::timestamp[])[1 + p.n %% 104], %(now)s
          FROM (SELECT id, row_number() OVER (ORDER BY id) AS n
                  FROM res_partner WHERE id = ANY(%(partners)s)) p
         WHERE NOT EXISTS (SELECT 1 FROM kefu_archive a WHERE a.partner_id = p.id)
        RETURNING id
        """,
        {
            "company": env.company.id,
            "agents": agents.ids,
            "nagents": len(agents),
            "now": now,
            "admin": env.ref("base.user_admin").id,
            "alloc": allocations,
            "dues": dues,
            "partners": partner_ids,
        },
    )
    new_ids = [row[0] for row in cr.fetchall()]
    recompute(env, "kefu.archive", new_ids, ["next_verification_on", "material_date"], started)
    log(started, f"archives: {len(new_ids)} added")


def recompute(env, model_name, ids, fnames, started):
    """kefu's stored computed fields of rows inserted with SQL, through the ORM."""
    model = env[model_name]
    for start in range(0, len(ids), 5000):
        records = model.browse(ids[start : start + 5000])
        for fname in fnames:
            env.add_to_compute(model._fields[fname], records)
        records.flush_recordset(fnames)
        env.invalidate_all()
        if len(ids) > 5000:
            log(started, f"  {model_name}: {fnames} recomputed for {start + len(records)}")


# Tickets -----------------------------------------------------------------------------


def fill_tickets(env, wanted, partner_ids, agents, teams, started):
    """100,000 tickets over two years; 3 % open (last three days), the rest closed."""
    cr = env.cr
    have = count(cr, "SELECT count(*) FROM helpdesk_ticket WHERE number LIKE 'LT%%'")
    if have >= wanted:
        return
    ref = env.ref
    stages_open = [
        ref("helpdesk_mgmt.helpdesk_ticket_stage_new").id,
        ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress").id,
        ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting").id,
    ]
    stage_done = ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id
    channels = [
        ref(f"helpdesk_mgmt.helpdesk_ticket_channel_{name}").id
        for name in ("phone", "phone", "email", "web", "other")
    ]
    types = [
        ref(f"kefu_management.kefu_enquiry_type_{name}").id
        for name in (
            "consultation",
            "consultation",
            "delivery",
            "complaint",
            "shipping_doc",
            "suggestion",
            "franchise",
            "other",
        )
    ]
    complaint = ref("kefu_management.kefu_enquiry_type_complaint").id
    agent_team = {}
    for team in teams:
        for user in team.user_ids & agents:
            agent_team[user.id] = team.id
    now = datetime.now().replace(microsecond=0)
    start = have + 1
    while start <= wanted:
        stop = min(start + 10 * BATCH, wanted + 1)
        cr.execute(
            """
            WITH g AS (
                SELECT n,
                       n %% 33 = 0 AS is_open,
                       (%(types)s::int[])[1 + (n * 7) %% 8] AS type_id,
                       (%(partners)s::int[])[(1 + (n::bigint * 7919) %% %(npartners)s)::int]
                           AS partner_id,
                       (%(agents)s::int[])[1 + (n * 31) %% %(nagents)s] AS user_id,
                       CASE WHEN n %% 33 = 0
                            THEN %(now)s - ((n * 13) %% 4320) * interval '1 minute'
                            ELSE %(now)s - interval '3 days'
                                 - ((n::bigint * 104729) %% 1051200) * interval '1 minute'
                       END AS contact
                  FROM generate_series(%(start)s, %(stop)s - 1) n
            )
            INSERT INTO helpdesk_ticket (
                number, name, description, partner_id, commercial_partner_id, partner_name,
                partner_email, company_id, channel_id, team_id, user_id, stage_id, unattended,
                active, priority, kanban_state, last_stage_update, assigned_date, closed_date,
                kefu_enquiry_type_id, kefu_is_complaint, kefu_contact_date,
                kefu_customer_contact_count, kefu_second_contact, kefu_first_responder_id,
                kefu_first_handled_date, kefu_first_reply_date, kefu_first_reply_user_id,
                kefu_response_warned, kefu_response_breached, kefu_major_matter,
                kefu_complaint_state, kefu_complaint_level, kefu_promised_date,
                kefu_accepted_date, kefu_accepted_user_id, kefu_resolved_date,
                kefu_complaint_result, kefu_callback_planned, kefu_complaint_escalated,
                kefu_promise_missed, kefu_archived_date, kefu_resolution_rate, kefu_on_time_rate,
                create_uid, write_uid, create_date, write_date)
            SELECT 'LT' || lpad(g.n::text, 7, '0'),
                   CASE WHEN g.type_id = %(complaint)s THEN '投诉：' ELSE '咨询：' END
                       || (ARRAY['产品质量问题', '送货时间查询', '发票与单据',
                                 '安装预约', '退换货申请', '加盟政策咨询', '售后维修',
                                 '价格咨询'])[1 + g.n %% 8]
                       || ' #' || g.n,
                   '<p>客户来电，详细情况见记录。</p>',
                   g.partner_id, g.partner_id, p.name, p.email, %(company)s,
                   (%(channels)s::int[])[1 + (g.n * 3) %% 5],
                   (%(agent_team)s::jsonb ->> g.user_id::text)::int, g.user_id,
                   CASE WHEN g.is_open THEN (%(stages_open)s::int[])[1 + g.n %% 3]
                        ELSE %(done)s END,
                   s.unattended, true, ((g.n * 11) %% 4)::text, 'normal',
                   CASE WHEN g.is_open THEN g.contact ELSE g.contact + interval '1 day' END,
                   g.contact,
                   CASE WHEN g.is_open THEN NULL ELSE g.contact + interval '1 day' END,
                   g.type_id, g.type_id = %(complaint)s, g.contact, 1, 0, g.user_id, g.contact,
                   -- open tickets: a third not answered yet (the response-limit cron's work)
                   CASE WHEN g.is_open AND g.n %% 3 = 0 THEN NULL
                        ELSE g.contact + interval '40 minutes' END,
                   CASE WHEN g.is_open AND g.n %% 3 = 0 THEN NULL ELSE g.user_id END,
                   false, false, false,
                   CASE WHEN g.type_id <> %(complaint)s THEN 'new'
                        WHEN NOT g.is_open THEN 'archived'
                        WHEN g.n %% 2 = 0 THEN 'result_sent'   -- CMP-5: callback to plan
                        ELSE 'accepted' END,
                   'normal',
                   CASE WHEN g.type_id = %(complaint)s THEN g.contact + interval '3 days' END,
                   CASE WHEN g.type_id = %(complaint)s THEN g.contact + interval '10 minutes' END,
                   CASE WHEN g.type_id = %(complaint)s THEN g.user_id END,
                   CASE WHEN g.type_id = %(complaint)s AND (NOT g.is_open OR g.n %% 2 = 0)
                        THEN g.contact + interval '20 hours' END,
                   CASE WHEN g.type_id = %(complaint)s AND (NOT g.is_open OR g.n %% 2 = 0)
                        THEN '已为客户更换产品。' END,
                   g.type_id = %(complaint)s AND NOT g.is_open, false, false,
                   CASE WHEN g.type_id = %(complaint)s AND NOT g.is_open
                        THEN g.contact + interval '1 day' END,
                   CASE WHEN g.type_id = %(complaint)s AND (NOT g.is_open OR g.n %% 2 = 0)
                        THEN 100.0 ELSE 0.0 END,
                   CASE WHEN g.type_id = %(complaint)s AND (NOT g.is_open OR g.n %% 2 = 0)
                        THEN 100.0 ELSE 0.0 END,
                   g.user_id, g.user_id, g.contact, g.contact
              FROM g
              JOIN res_partner p ON p.id = g.partner_id
              JOIN helpdesk_ticket_stage s
                ON s.id = CASE WHEN g.is_open THEN (%(stages_open)s::int[])[1 + g.n %% 3]
                               ELSE %(done)s END
            RETURNING id, kefu_contact_date IS NOT NULL
            """,
            {
                "types": types,
                "partners": partner_ids,
                "npartners": len(partner_ids),
                "agents": agents.ids,
                "nagents": len(agents),
                "agent_team": json.dumps({str(k): v for k, v in agent_team.items()}),
                "now": now,
                "start": start,
                "stop": stop,
                "complaint": complaint,
                "company": env.company.id,
                "channels": channels,
                "stages_open": stages_open,
                "done": stage_done,
            },
        )
        ids = [row[0] for row in cr.fetchall()]
        fill_ticket_chatter(env, ids)
        # SVC-2: the reply deadline through kefu's working-time service.
        recompute(env, "helpdesk.ticket", ids, ["kefu_response_deadline"], started)
        log(started, f"tickets: {stop - 1} / {wanted}")
        start = stop


def fill_ticket_chatter(env, ticket_ids):
    """The customer's first message on each ticket, and the customer and the agent as
    followers (the customer for discussions, so that a reply reaches him)."""
    cr = env.cr
    comment = env.ref("mail.mt_comment").id
    cr.execute(
        """
        INSERT INTO mail_message (model, res_id, record_name, message_type, subtype_id,
                                  author_id, email_from, body, is_internal, date,
                                  create_uid, write_uid, create_date, write_date)
        SELECT 'helpdesk.ticket', t.id, t.name, 'email', %(comment)s, t.partner_id,
               t.partner_email, '<p>您好，' || t.name || '，请尽快处理，谢谢。</p>', false,
               t.kefu_contact_date, %(root)s, %(root)s, t.kefu_contact_date, t.kefu_contact_date
          FROM helpdesk_ticket t WHERE t.id = ANY(%(ids)s)
        """,
        {"comment": comment, "root": env.uid, "ids": ticket_ids},
    )
    cr.execute(
        """
        WITH f AS (
            INSERT INTO mail_followers (res_model, res_id, partner_id)
            SELECT 'helpdesk.ticket', t.id, t.partner_id FROM helpdesk_ticket t
             WHERE t.id = ANY(%(ids)s)
            UNION ALL
            SELECT 'helpdesk.ticket', t.id, u.partner_id FROM helpdesk_ticket t
              JOIN res_users u ON u.id = t.user_id WHERE t.id = ANY(%(ids)s)
            RETURNING id
        )
        INSERT INTO mail_followers_mail_message_subtype_rel (mail_followers_id,
                                                             mail_message_subtype_id)
        SELECT f.id, %(comment)s FROM f
        """,
        {"ids": ticket_ids, "comment": comment},
    )


# Callbacks ---------------------------------------------------------------------------


def fill_callbacks(env, wanted, partner_ids, agents, teams, started):
    """Callbacks: 90 % done over two years, 8 % planned for the next five days (10:00 in
    the customer's time, never in the rest time), 2 % not answered; done ones with the
    form answered, every 50th with its store feedback overdue (CBK-2)."""
    cr = env.cr
    have = count(cr, "SELECT count(*) FROM kefu_callback WHERE name LIKE 'LCB%%'")
    if have >= wanted:
        return
    Question = env["kefu.callback.question"]
    service = list(Question._kefu_form_question_ids("service"))
    complaint_questions = list(Question._kefu_form_question_ids("complaint"))
    text_questions = (
        Question.browse(service + complaint_questions)
        .filtered(lambda q: q.answer_type != "yes_no")
        .ids
    )
    working = env["kefu.working.time"]
    today = working.local_now().date()
    # The next five working days at 10:00 Shanghai time (02:00 UTC).
    planned_days = []
    day = today
    while len(planned_days) < 5:
        day += timedelta(days=1)
        if working.is_working_day(day):
            planned_days.append(datetime.combine(day, datetime.min.time()) + timedelta(hours=2))
    due_days = [working.add_working_days(moment, 3) for moment in planned_days]
    agent_team = {}
    for team in teams:
        for user in team.user_ids & agents:
            agent_team[str(user.id)] = team.id
    now = datetime.now().replace(microsecond=0)
    start = have + 1
    while start <= wanted:
        stop = min(start + 10 * BATCH, wanted + 1)
        cr.execute(
            """
            WITH g AS (
                SELECT n,
                       CASE WHEN n %% 50 = 1 THEN 'planned' WHEN n %% 50 = 2 THEN 'planned'
                            WHEN n %% 50 = 3 THEN 'planned' WHEN n %% 50 = 4 THEN 'planned'
                            WHEN n %% 50 = 5 THEN 'no_answer' ELSE 'done' END AS state,
                       (%(partners)s::int[])[(1 + (n::bigint * 104723) %% %(npartners)s)::int]
                           AS partner_id,
                       (%(agents)s::int[])[1 + (n * 17) %% %(nagents)s] AS user_id,
                       (ARRAY['service', 'service', 'service', 'special', 'manual'])[1 + n %% 5]
                           AS callback_type,
                       date_trunc('day', %(now)s - interval '3 days'
                           - ((n * 7727) %% 730) * interval '1 day') + interval '2 hours'
                           + (n %% 6) * interval '1 hour' AS past
                  FROM generate_series(%(start)s, %(stop)s - 1) n
            )
            INSERT INTO kefu_callback (
                name, partner_id, key_customer, callback_type, team_id, user_id, state,
                planned_date, deadline_date, date_start, date_end, duration, duration_flag,
                outcome, comment, satisfaction, satisfaction_score, done_count, form_done,
                store_id, feedback_state, feedback, feedback_deadline, feedback_overdue,
                company_id, create_uid, write_uid, create_date, write_date)
            SELECT 'LCB' || lpad(g.n::text, 7, '0'), g.partner_id, p.kefu_key_customer,
                   g.callback_type, (%(agent_team)s::jsonb ->> g.user_id::text)::int,
                   g.user_id, g.state,
                   CASE WHEN g.state = 'planned' THEN (%(planned)s::timestamp[])[1 + g.n %% 5]
                        ELSE g.past END,
                   CASE WHEN g.state = 'planned' THEN (%(dues)s::timestamp[])[1 + g.n %% 5]
                        ELSE g.past + interval '3 days' END,
                   CASE WHEN g.state = 'done' THEN g.past END,
                   CASE WHEN g.state = 'done' THEN g.past + (3 + g.n %% 3) * interval '1 minute'
                   END,
                   CASE WHEN g.state = 'done' THEN 3 + g.n %% 3 ELSE 0 END, NULL,
                   CASE WHEN g.state = 'done' THEN '客户对服务满意。' END,
                   CASE WHEN g.state = 'done' AND g.n %% 4 = 0 THEN '希望送货再快一些。' END,
                   CASE WHEN g.state = 'done' THEN (3 + g.n %% 3)::text END,
                   CASE WHEN g.state = 'done' THEN 3 + g.n %% 3 ELSE 0 END,
                   CASE WHEN g.state = 'done' THEN 1 ELSE 0 END,
                   g.state = 'done', p.kefu_store_id,
                   CASE WHEN p.kefu_store_id IS NULL THEN 'none'
                        WHEN g.state <> 'done' THEN 'none'
                        WHEN g.n %% 50 = 10 THEN 'to_send' ELSE 'sent' END,
                   CASE WHEN p.kefu_store_id IS NOT NULL AND g.state = 'done'
                        THEN '客户反馈已整理。' END,
                   CASE WHEN p.kefu_store_id IS NOT NULL AND g.state = 'done'
                        THEN g.past + interval '1 day' END,
                   false, %(company)s, %(root)s, %(root)s, g.past - interval '3 days', g.past
              FROM g JOIN res_partner p ON p.id = g.partner_id
            RETURNING id
            """,
            {
                "partners": partner_ids,
                "npartners": len(partner_ids),
                "agents": agents.ids,
                "nagents": len(agents),
                "agent_team": json.dumps(agent_team),
                "now": now,
                "start": start,
                "stop": stop,
                "planned": planned_days,
                "dues": due_days,
                "company": env.company.id,
                "root": env.uid,
            },
        )
        ids = [row[0] for row in cr.fetchall()]
        # CBK-1: the form, one line per question of the service set; answered when done.
        cr.execute(
            """
            INSERT INTO kefu_callback_answer (callback_id, question_id, sequence, partner_id,
                                              user_id, callback_date, answer, answer_text,
                                              yes_count, no_count, create_uid, write_uid,
                                              create_date, write_date)
            SELECT c.id, q.id, q.sequence, c.partner_id, c.user_id, c.date_start,
                   CASE WHEN c.state = 'done' AND NOT q.id = ANY(%(text)s)
                        THEN CASE WHEN (c.id + q.id) %% 9 = 0 THEN 'no' ELSE 'yes' END END,
                   CASE WHEN c.state = 'done' AND q.id = ANY(%(text)s) THEN '无' END,
                   CASE WHEN c.state = 'done' AND NOT q.id = ANY(%(text)s)
                         AND (c.id + q.id) %% 9 <> 0 THEN 1 ELSE 0 END,
                   CASE WHEN c.state = 'done' AND NOT q.id = ANY(%(text)s)
                         AND (c.id + q.id) %% 9 = 0 THEN 1 ELSE 0 END,
                   %(root)s, %(root)s, c.create_date, c.write_date
              FROM kefu_callback c
              JOIN kefu_callback_question q ON q.id = ANY(%(service)s)
             WHERE c.id = ANY(%(ids)s)
            """,
            {"text": text_questions or [0], "service": service, "ids": ids, "root": env.uid},
        )
        log(started, f"callbacks: {stop - 1} / {wanted} (with their forms)")
        start = stop


def fill_deliveries(env, wanted, partner_ids, started):
    """CBK-1: deliveries done yesterday, their callback to plan by the planner."""
    Source = env["kefu.callback.source"].with_context(**QUIET)
    have = Source.search_count([("name", "=like", "LOAD-D%")])
    done_date = datetime.now().replace(microsecond=0) - timedelta(days=1)
    vals = [
        {
            "name": f"LOAD-D{i:05d}",
            "partner_id": partner_ids[(i * 7) % len(partner_ids)],
            "source_type": "delivery",
        }
        for i in range(have + 1, wanted + 1)
    ]
    for start in range(0, len(vals), BATCH):
        sources = Source.create(vals[start : start + BATCH])
        sources.write({"state": "done", "done_date": done_date})
    log(started, f"deliveries: {len(vals)} added")


def deactivate_network_crons(env):
    for xmlid in NETWORK_CRONS:
        cron = env.ref(xmlid, raise_if_not_found=False)
        if cron and cron.active:
            cron.active = False


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-c", "--config", default=".var/odoo.conf")
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--callbacks", type=int, default=50_000)
    parser.add_argument("--agents", type=int, default=50)
    parser.add_argument("--deliveries", type=int, default=500)
    args = parser.parse_args()

    import odoo  # noqa: PLC0415 - configured below, before the addons are imported

    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    odoo.modules.module.initialize_sys_path()
    registry = odoo.modules.registry.Registry(args.database)
    started = time.perf_counter()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "en_US", **QUIET})
        deactivate_network_crons(env)
        agents, teams = fill_agents(env, args.agents)
        cr.commit()
        log(started, f"agents: {len(agents)} in {len(teams)} teams")
        partner_ids = fill_customers(env, args.customers, started)
        cr.commit()
        fill_archives(env, partner_ids, agents, started)
        cr.commit()
        fill_tickets(env, args.tickets, partner_ids, agents, teams, started)
        cr.commit()
        fill_callbacks(env, args.callbacks, partner_ids, agents, teams, started)
        cr.commit()
        fill_deliveries(env, args.deliveries, partner_ids, started)
        cr.commit()
        for table in (
            "res_partner",
            "kefu_archive",
            "helpdesk_ticket",
            "mail_message",
            "mail_followers",
            "kefu_callback",
            "kefu_callback_answer",
        ):
            cr.execute(f"ANALYZE {table}")  # the cluster runs without autovacuum
        counts = {
            "agents": "SELECT count(*) FROM res_users WHERE login LIKE 'kefu_load_agent_%%'",
            "customers": "SELECT count(*) FROM res_partner WHERE ref LIKE 'LOAD-C%%'",
            "archives": "SELECT count(*) FROM kefu_archive",
            "tickets": "SELECT count(*) FROM helpdesk_ticket",
            "open tickets": "SELECT count(*) FROM helpdesk_ticket t JOIN helpdesk_ticket_stage s"
            " ON s.id = t.stage_id WHERE NOT s.closed",
            "callbacks": "SELECT count(*) FROM kefu_callback",
            "planned callbacks": "SELECT count(*) FROM kefu_callback WHERE state = 'planned'",
            "callback answers": "SELECT count(*) FROM kefu_callback_answer",
            "messages": "SELECT count(*) FROM mail_message",
        }
        print("database", args.database)
        for label, sql in counts.items():
            print(f"  {label:<18} {count(cr, sql):>9,}")
    print(f"filled in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()

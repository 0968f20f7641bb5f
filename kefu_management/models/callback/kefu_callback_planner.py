from collections import defaultdict
from datetime import date, datetime, timedelta

import pytz
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import MissingError
from odoo.osv import expression

from ..base.kefu_translate import kefu_cron_lang
from ..base.kefu_translate import kefu_person_env


class KefuCallbackPlanner(models.AbstractModel):
    """The callback planner (scheduled action).

    Each step takes one locked batch of the records waiting for a callback and
    makes them leave its domain; the planner's keys (``plan_key``, unique) make
    a second run, or a second worker, plan nothing twice. Planned times never
    fall in the customer's rest time (CBK-3); customers are picked from the
    archive: its allocated agent calls back, other customers go to the agents by
    load (CBK-6).
    """

    _name = "kefu.callback.planner"
    _description = "Callback Planner"

    # Entry points -------------------------------------------------------------

    @api.model
    @kefu_cron_lang
    def _cron_kefu_callback_plan(self, batch_size=100):
        today = self._today()
        lead = self.env["kefu.settings"].get_value("kefu_cbk_special_lead_days")
        steps = [
            (
                "kefu.callback.source",
                [
                    ("state", "=", "done"),
                    ("source_type", "in", ("delivery", "installation")),
                    ("callback_planned", "=", False),
                ],
                self._plan_after_service,
            ),
            (
                "kefu.callback.source",
                [
                    ("state", "=", "done"),
                    ("source_type", "=", "project"),
                    ("next_callback_date", "!=", False),
                    ("next_callback_date", "<=", today),
                ],
                self._plan_project,
            ),
            (
                "helpdesk.ticket",
                self.env["helpdesk.ticket"]._kefu_callback_planner_domain(),
                self._plan_complaint,
            ),
            (
                "kefu.callback.special",
                [
                    ("kind", "!=", "anniversary"),
                    ("planned", "=", False),
                    ("date", "<=", today + timedelta(days=lead)),
                ],
                self._plan_special,
            ),
        ]
        steps.append(self._anniversary_step(today, lead))
        return self._run_steps([step for step in steps if step], batch_size)

    @api.model
    @kefu_cron_lang
    def _cron_kefu_callback_follow_up(self, batch_size=200):
        """CBK-2: flag overdue store feedback; CBK-3: key-customer coverage warning."""
        now = fields.Datetime.now()
        steps = [
            (
                "kefu.callback",
                [
                    ("feedback_state", "=", "to_send"),
                    ("feedback_overdue", "=", False),
                    ("feedback_deadline", "<", now),
                ],
                self._flag_feedback_overdue,
            ),
        ]
        steps.append(self._coverage_step(self._today()))
        return self._run_steps([step for step in steps if step], batch_size)

    @api.model
    def _run_steps(self, steps, batch_size):
        return self.env["kefu.cron.batch"].run_steps(steps, batch_size)

    # Helpers -----------------------------------------------------------------

    @api.model
    def _today(self):
        return self.env["kefu.working.time"].local_now().date()

    @api.model
    def _team_members(self, team=None):
        if not team:
            team_id = self.env["kefu.settings"].get_value("kefu_cbk_team_id")
            team = self.env["helpdesk.ticket.team"].sudo().browse(int(team_id or 0) or ())
        try:
            # Read through the cache (a running planner read it already): no
            # exists() query per batch; a team deleted since is no team.
            users = team.user_ids if team else self.env["res.users"]
        except MissingError:
            team, users = self.env["helpdesk.ticket.team"], self.env["res.users"]
        if not users:
            users = self.env.ref("kefu_management.group_kefu_agent").sudo().users
        return team, users.filtered(lambda u: u.active and not u.share).sorted("id")

    @api.model
    def _agent_load(self, users):
        """CBK-6: planned callbacks per agent, read once per batch."""
        groups = (
            self.env["kefu.callback"]
            .sudo()
            ._read_group(
                [("state", "=", "planned"), ("user_id", "in", users.ids)],
                ["user_id"],
                ["__count"],
            )
        )
        return {user.id: count for user, count in groups}

    @api.model
    def _pick_agent(self, users, load):
        """CBK-6: the agent with the fewest planned callbacks; ``load`` (from
        ``_agent_load``) counts the callbacks picked in this batch too."""
        if not users:
            return self.env["res.users"]
        agent = min(users, key=lambda u: (load.get(u.id, 0), u.id))
        load[agent.id] = load.get(agent.id, 0) + 1
        return agent

    @api.model
    def _create_callbacks(self, vals_list, team=None):
        """Create callbacks whose ``plan_key`` is new; keys already used are skipped.
        The agents are not mailed one "assigned to you" per planned callback and no
        "created" note is logged: the planned callbacks are their list (issue 17:
        a handful of queries per callback)."""
        Callback = self.env["kefu.callback"].sudo()
        keys = [vals["plan_key"] for vals in vals_list]
        used = {
            callback.plan_key
            for callback in Callback.with_context(active_test=False).search_fetch(
                [("plan_key", "in", keys)], ["plan_key"]
            )
        }
        team, users = self._team_members(team)
        load = None
        picked = {}
        todo = []
        archive_agents = self._archive_agents(
            [vals["partner_id"] for vals in vals_list if not vals.get("user_id")]
        )
        for vals in vals_list:
            if vals["plan_key"] in used:
                continue
            used.add(vals["plan_key"])
            vals.setdefault("team_id", team.id)
            if not vals.get("user_id") and archive_agents.get(vals["partner_id"]):
                # CBK-6: customers are picked from the archive: its allocated agent
                # calls back.
                vals["user_id"] = archive_agents[vals["partner_id"]].id
                picked[vals["user_id"]] = picked.get(vals["user_id"], 0) + 1
                if load is not None:
                    load[vals["user_id"]] = load.get(vals["user_id"], 0) + 1
            if not vals.get("user_id"):
                # CBK-6: a customer without an archive (or whose archive has no
                # active agent) goes to the team's agent with the fewest callbacks.
                if load is None:
                    load = self._agent_load(users)
                    # The archive's callbacks of this batch count too.
                    for user_id, count in picked.items():
                        load[user_id] = load.get(user_id, 0) + count
                vals["user_id"] = self._pick_agent(users, load).id
            todo.append(vals)
        # Issue 17: mail.thread's create subscribes each callback's agent on its
        # own (three queries per callback); the agents follow their callbacks with
        # the same default subtypes in one insert per agent instead.
        callbacks = Callback.with_context(tracking_disable=True).create(todo)
        self._subscribe_agents(callbacks)
        return Callback.browse(callbacks.ids)

    @api.model
    def _subscribe_agents(self, callbacks):
        """The agent of each callback follows it, as mail.thread's auto-subscription
        of ``user_id`` does (without its "assigned to you" mail)."""
        subtypes = self.env["mail.message.subtype"]._get_auto_subscription_subtypes(
            callbacks._name
        )[1]
        by_partner = defaultdict(list)
        for callback in callbacks:
            if callback.user_id.active:
                by_partner[callback.user_id.partner_id.id].append(callback.id)
        Followers = self.env["mail.followers"].sudo()
        for partner_id, callback_ids in by_partner.items():
            Followers._insert_followers(
                callbacks._name,
                callback_ids,
                [partner_id],
                subtypes={partner_id: subtypes},
                check_existing=True,
                existing_policy="skip",
            )

    @api.model
    def _archive_agents(self, partner_ids):
        """CBK-6: {partner id: the allocated agent of the customer's archive} (the
        archive of the contact's company), for active internal agents; one query."""
        partners = self.env["res.partner"].sudo().browse(set(partner_ids))
        if not partners:
            return {}
        archives = (
            self.env["kefu.archive"]
            .sudo()
            .search_fetch(
                [
                    ("partner_id", "in", partners.commercial_partner_id.ids),
                    ("agent_id", "!=", False),
                ],
                ["partner_id", "agent_id"],
            )
        )
        by_company = {
            archive.partner_id.id: archive.agent_id
            for archive in archives
            if archive.agent_id.active and not archive.agent_id.share
        }
        return {
            partner.id: by_company[partner.commercial_partner_id.id]
            for partner in partners
            if partner.commercial_partner_id.id in by_company
        }

    @api.model
    def _slot_vals(self, partner, earliest, base, company=None):
        """Planned time (first allowed slot) and due time from the event ``base``."""
        working = self.env["kefu.working.time"]
        days = self.env["kefu.settings"].get_value("kefu_cbk_due_days")
        return {
            "planned_date": partner._kefu_next_call_slot(earliest),
            "deadline_date": working.add_working_days(base, days, company),
        }

    @api.model
    def _day_start(self, partner, day):
        """Naive UTC of the start of allowed calls on the customer's local ``day``."""
        tz = partner._kefu_tz()
        hours = self.env["kefu.settings"].get_value("kefu_cbk_call_from")
        local = tz.localize(datetime.combine(day, datetime.min.time()) + timedelta(hours=hours))
        moment = local.astimezone(pytz.utc).replace(tzinfo=None)
        return max(moment, fields.Datetime.now())

    # Steps ---------------------------------------------------------------------

    @api.model
    def _plan_after_service(self, sources):
        """CBK-1: a callback due within 3 working days of the delivery or installation."""
        working = self.env["kefu.working.time"]
        delay = self.env["kefu.settings"].get_value("kefu_cbk_plan_delay_days")
        vals_list = []
        for source in sources:
            earliest = max(
                working.add_working_days(source.done_date, delay, source.company_id),
                fields.Datetime.now(),
            )
            vals = self._slot_vals(source.partner_id, earliest, source.done_date, source.company_id)
            vals.update(
                partner_id=source.partner_id.id,
                source_id=source.id,
                callback_type="service",
                company_id=source.company_id.id,
                plan_key=f"service:{source.id}",
            )
            vals_list.append(vals)
        self._create_callbacks(vals_list)
        sources.write({"callback_planned": True})

    @api.model
    def _plan_project(self, sources):
        """CBK-5: monthly in the project's first year, quarterly afterwards."""
        today = self._today()
        vals_list = []
        following_dates = defaultdict(sources.browse)
        for source in sources:
            number = source.project_callback_count + 1
            base = self._day_start(source.partner_id, source.next_callback_date)
            vals = self._slot_vals(source.partner_id, base, base, source.company_id)
            vals.update(
                partner_id=source.partner_id.id,
                source_id=source.id,
                callback_type="project",
                company_id=source.company_id.id,
                plan_key=f"project:{source.id}:{number}",
            )
            vals_list.append(vals)
            # A late run does not catch up on every missed month: next date in the future.
            following = number + 1
            while source._project_callback_date(following) <= today:
                following += 1
            following_dates[following - 1, source._project_callback_date(following)] |= source
        # Issue 17: the callbacks of the batch in one create, one write per next date.
        self._create_callbacks(vals_list)
        for (count, day), group in following_dates.items():
            group.write({"project_callback_count": count, "next_callback_date": day})

    @api.model
    def _plan_complaint(self, tickets):
        """CMP-5: after the result was given back, the complaint's callback."""
        working = self.env["kefu.working.time"]
        delay = self.env["kefu.settings"].get_value("kefu_cbk_plan_delay_days")
        by_team = defaultdict(list)
        for ticket in tickets:
            resolved = ticket.kefu_resolved_date or fields.Datetime.now()
            earliest = max(working.add_working_days(resolved, delay), fields.Datetime.now())
            vals = self._slot_vals(ticket.partner_id, earliest, resolved)
            vals.update(
                partner_id=ticket.partner_id.id,
                ticket_id=ticket.id,
                callback_type="complaint",
                plan_key=f"complaint:{ticket.id}",
            )
            # The agent answering for the complaint calls back, else the team shares it.
            if ticket.user_id and not ticket.user_id.share:
                vals["user_id"] = ticket.user_id.id
            by_team[ticket.team_id].append(vals)
        # Issue 17: one create per team, not one per complaint.
        for team, vals_list in by_team.items():
            self._create_callbacks(vals_list, team=team)
        tickets.write({"kefu_callback_planned": True})

    @api.model
    def _plan_special(self, specials):
        """CBK-4: holidays, promotions and reminders, planned ahead of their date."""
        vals_list = []
        for special in specials:
            day = self._working_day_before(special.date)
            # Issue 17: the selected customers of the batch's specials are read at
            # once (the many2many skips archived customers as the search did).
            if special.target == "selected":
                partners = special.partner_ids
            else:
                partners = special._target_partners()
            for partner in partners:
                start = self._day_start(partner, day)
                vals = self._slot_vals(partner, start, start)
                vals.update(
                    partner_id=partner.id,
                    special_id=special.id,
                    callback_type="special",
                    plan_key=f"special:{special.id}:{partner.id}",
                )
                vals_list.append(vals)
        self._create_callbacks(vals_list)
        specials.write({"planned": True})

    @api.model
    def _working_day_before(self, day):
        """The special day itself when it is a working day, else the last one before."""
        working = self.env["kefu.working.time"]
        current = day
        for _i in range(60):
            if working.is_working_day(current):
                return current
            current -= timedelta(days=1)
        return day

    @api.model
    def _anniversary_step(self, today, lead):
        """CBK-4: each customer on their anniversary, when an anniversary special is
        active. A customer is looked at again only on ``kefu_anniversary_check_date``
        (when the next anniversary comes within the lead, or after it was planned),
        so a run costs O(batch) and nothing is redone when nothing changed."""
        specials = self.env["kefu.callback.special"].sudo().search([("kind", "=", "anniversary")])
        if not specials:
            return None
        targets = [special._target_domain() for special in specials]
        domain = [
            ("kefu_anniversary_date", "!=", False),
            "|",
            ("kefu_anniversary_check_date", "=", False),
            ("kefu_anniversary_check_date", "<=", today),
            *expression.OR(targets),
        ]
        return (
            "res.partner",
            domain,
            lambda partners: self._plan_anniversaries(partners, today, lead),
        )

    @api.model
    def _plan_anniversaries(self, partners, today, lead):
        specials = self.env["kefu.callback.special"].sudo().search([("kind", "=", "anniversary")])
        members = {special: special._target_partners(partners) for special in specials}
        vals_list = []
        check_dates = {}
        for partner in partners:
            anniversary = self._next_anniversary(partner.kefu_anniversary_date, today)
            if not anniversary:
                check_dates[partner] = today + timedelta(days=366)
                continue
            if anniversary > today + timedelta(days=lead):
                check_dates[partner] = anniversary - timedelta(days=lead)
                continue
            check_dates[partner] = anniversary + timedelta(days=1)
            start = self._day_start(partner, self._working_day_before(anniversary))
            for special, targeted in members.items():
                if partner not in targeted:
                    continue
                vals = self._slot_vals(partner, start, start)
                vals.update(
                    partner_id=partner.id,
                    special_id=special.id,
                    callback_type="special",
                    plan_key=f"anniversary:{special.id}:{partner.id}:{anniversary.year}",
                )
                vals_list.append(vals)
        self._create_callbacks(vals_list)
        by_date = {}
        for partner, day in check_dates.items():
            by_date.setdefault(day, partners.browse())
            by_date[day] |= partner
        for day, group in by_date.items():
            group.write({"kefu_anniversary_check_date": day})

    @api.model
    def _next_anniversary(self, origin, today):
        for year in (today.year, today.year + 1):
            try:
                day = origin.replace(year=year)
            except ValueError:  # 29 February
                day = date(year, 3, 1)
            if day >= today and day > origin:
                return day
        return False

    @api.model
    def _flag_feedback_overdue(self, callbacks):
        """CBK-2: the store feedback was not sent within its working day."""
        callbacks.write({"feedback_overdue": True})
        todo = self.env.ref("mail.mail_activity_data_todo")
        today = fields.Date.context_today(self)
        # Issue 17: the batch's reminders in one create, each in its agent's language.
        values = {
            callback.id: {
                "activity_type_id": todo.id,
                "date_deadline": today,
                "summary": kefu_person_env(self.env, callback.user_id)._(
                    "Send the callback feedback to the store"
                ),
                "user_id": callback.user_id.id,
            }
            for callback in callbacks
            if callback.user_id
        }
        self.env["kefu.cron.batch"].schedule_activities(callbacks, values)

    # CBK-3: key-customer coverage -------------------------------------------------

    @api.model
    def _period(self, day):
        first = day.replace(day=1)
        return first, first + relativedelta(months=1)

    @api.model
    def _period_bounds_utc(self, first, after):
        tz = pytz.timezone(self.env.company.resource_calendar_id.tz or "UTC")

        def utc(day):
            return (
                tz.localize(datetime.combine(day, datetime.min.time()))
                .astimezone(pytz.utc)
                .replace(tzinfo=None)
            )

        return utc(first), utc(after)

    @api.model
    def coverage(self, first, after, user=None):
        """Key customers with a done callback in [first, after) / all key customers,
        as ``kefu.kpi.definition`` defines it (RPT-5)."""
        return self.env["kefu.kpi.definition"]._coverage(
            first, after - timedelta(days=1), self.env.company, user=user
        )

    @api.model
    def _coverage_step(self, today):
        """CBK-3: before the period ends, key customers not called back get a
        callback, in batches; None when the period is not ending or the target is met."""
        warn = self.env["kefu.settings"].get_value("kefu_cbk_coverage_warn_days")
        first, after = self._period(today)
        if (after - today).days > warn:
            return None
        start, stop = self._period_bounds_utc(first, after)
        # RPT-5: the coverage of the KPI definition, the dashboard's figure.
        coverage = self.coverage(first, after)
        keys = self.env["kefu.kpi.definition"]._key_customer_domain(self.env.company)
        target = self.env["kefu.settings"].get_value("kefu_cbk_coverage_target")
        if not coverage["total"] or coverage["rate"] >= target:
            return None
        domain = keys + [
            "!",
            self._called_in(start, stop),
            (
                "kefu_callback_ids",
                "not any",
                [
                    ("state", "=", "planned"),
                    ("planned_date", ">=", start),
                    ("planned_date", "<", stop),
                ],
            ),
            (
                "kefu_callback_ids",
                "not any",
                [
                    ("plan_key", "=like", self._coverage_key("%", first)),
                ],
            ),
        ]
        return ("res.partner", domain, lambda partners: self._plan_coverage(partners, first, stop))

    @api.model
    def _called_in(self, start, stop):
        return (
            "kefu_callback_ids",
            "any",
            [("state", "=", "done"), ("date_end", ">=", start), ("date_end", "<", stop)],
        )

    @api.model
    def _coverage_key(self, partner_id, first):
        return f"coverage:{partner_id}:{first.isoformat()}"

    @api.model
    def _plan_coverage(self, partners, first, stop):
        vals_list = []
        now = fields.Datetime.now()
        for partner in partners:
            vals = self._slot_vals(partner, now, now)
            vals["deadline_date"] = min(vals["deadline_date"], stop)
            vals.update(
                partner_id=partner.id,
                callback_type="coverage",
                plan_key=self._coverage_key(partner.id, first),
            )
            vals_list.append(vals)
        callbacks = self._create_callbacks(vals_list)
        if callbacks:
            self._notify_leaders(callbacks, first)
        return callbacks

    @api.model
    def _notify_leaders(self, callbacks, first):
        """One to-do per Team Leader and period, with the count of key customers to
        call back and a link to their list, never their names (CBK-3)."""
        team = callbacks.team_id[:1]
        leaders = (
            team.user_id
            if team and team.user_id
            else (
                self.env.ref("kefu_management.group_kefu_team_leader").sudo().users
                - self.env.ref("kefu_management.group_kefu_manager").sudo().users
            )
        ).filtered(lambda u: u.active and not u.share)
        Callback = self.env["kefu.callback"].sudo()
        period = [("plan_key", "=like", self._coverage_key("%", first))]
        count = Callback.search_count(period)
        todo = self.env.ref("mail.mail_activity_data_todo")
        existing = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "kefu.callback"),
                    ("res_id", "in", Callback._search(period)),
                    ("activity_type_id", "=", todo.id),
                    ("user_id", "in", leaders.ids),
                ]
            )
        )
        for leader in leaders:
            env = self.with_context(lang=leader.lang).env
            summary = env._(
                "Key customers not yet called back in %(period)s", period=first.strftime("%Y-%m")
            )
            note = Markup("<p>%s</p><p><a href='/odoo/action-%s'>%s</a></p>") % (
                env._(
                    "%(count)s key customers had no callback this month: a coverage callback "
                    "is planned for each.",
                    count=count,
                ),
                "kefu_management.kefu_callback_action_coverage",
                env._("Open the coverage callbacks"),
            )
            mine = existing.filtered(lambda a, leader=leader: a.user_id == leader)
            if mine:
                mine.write({"note": note})
            else:
                callbacks[0].activity_schedule(
                    "mail.mail_activity_data_todo", summary=summary, note=note, user_id=leader.id
                )

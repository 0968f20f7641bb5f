from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.tools import float_round


def kpi_rate(part, whole):
    """A percentage with two decimals; 0.0 when there is nothing to measure."""
    return round(100.0 * part / whole, 2) if whole else 0.0


def weighted_score(rate, target, weight):
    """ARC-14: the points a KPI gives in the management performance: its full weight
    when the rate reaches the target, in proportion below it."""
    if not target:
        return float(weight)
    return float_round(float(weight) * min(rate / target, 1.0), precision_digits=2)


# ARC-14: kind -> (person attributed, done on, due on, on time, target and weight
# settings). Sales (ARC-2): the form's sales person hands it in within 3 working
# days; CS (ARC-2, ARC-14): the CS member files it into the archive within 24 hours.
ARCHIVE_KPIS = {
    "sales": (
        "user_id",
        "submitted_on",
        "form_due",
        "form_on_time",
        "kefu_arc_sales_filing_target",
        "kefu_arc_sales_filing_weight",
    ),
    "cs": (
        "filed_by_id",
        "filed_on",
        "filing_due",
        "filing_on_time",
        "kefu_arc_cs_update_target",
        "kefu_arc_cs_update_weight",
    ),
}


class KefuKpiDefinition(models.AbstractModel):
    """RPT-5: the one definition of every KPI, read by the dashboard (``kefu.kpi``),
    the pivots (``kefu.kpi.ticket``, ``kefu.kpi.callback``), the department reports'
    XLSX, the callback summary XLSX and the planner's coverage warning (CBK-3).

    Rules, each stated once here (and in docs/rules.md, RPT-5):

    * Period: local calendar dates of the company's working calendar, the first
      and last date included. An item belongs to the period of its own date:

      - a ticket (contacts, complaint rate, complaint resolution and on-time
        rate, response-limit compliance): its contact date;
      - a callback: its call's end when done, else its planned time (a callback
        planned in March and made in April is April's);
      - an archive data form (ARC-14 on-time rates): the contract's signing date.
    * Company: only the items of the given company; key customers are those of
      that company or of no company.
    * Agent attribution: the record's responsible user (``user_id``), i.e. the
      ticket's assignee (as it stands at closing) and the callback's agent;
      never the first responder.
    * Key-customer coverage (CBK-3): key customers with a done callback in the
      period / key customers. Per agent: the key customers the agent had a
      callback with in the period (planned or done) / those the agent called back.
    * Complaint rate: complaints / contacts; resolution: complaints with a result
      / complaints; complaint on-time rate: results given before the promised
      time / results (CMP-6); response-limit compliance: tickets answered within
      their limit / tickets with a limit (SVC-2). The ticket KPI pivot
      (``kefu.kpi.ticket``) holds the same measures per ticket (0 or 100).
    * ARC-14 on-time rates: forms handed in on time / forms handed in or past
      due; filings on time / filings done or past due. Per person: sales, the
      form's sales person (``user_id``); CS, the member who filed it
      (``filed_by_id``), so a filing not yet made counts for the department
      only. Targets and weights are settings; the weighted score is the full
      weight at the target, in proportion below it (``weighted_score``).
    * Callback completion: done / not cancelled callbacks of the period.
    * Satisfaction: the average score of the done callbacks that were rated;
      planned or unrated callbacks are not counted (never as 0).
    """

    _name = "kefu.kpi.definition"
    _description = "KPI Definitions"

    # -- period, company, agent ---------------------------------------------

    @api.model
    def _bounds(self, date_from, date_to, company=None):
        """Naive UTC datetimes [start, stop) of the local dates [date_from, date_to]."""
        company = company or self.env.company
        tz = pytz.timezone(company.resource_calendar_id.tz or "UTC")
        start = tz.localize(datetime.combine(date_from, time.min))
        stop = tz.localize(datetime.combine(date_to + timedelta(days=1), time.min))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            stop.astimezone(pytz.utc).replace(tzinfo=None),
        )

    @api.model
    def _local_date(self, moment, company=None):
        """The local date of a naive UTC datetime (the day an item belongs to)."""
        company = company or self.env.company
        tz = pytz.timezone(company.resource_calendar_id.tz or "UTC")
        return pytz.utc.localize(moment).astimezone(tz).date()

    @api.model
    def _callback_date(self, callback):
        """The moment a callback belongs to: its end when done, else its planned time."""
        if callback.state == "done" and callback.date_end:
            return callback.date_end
        return callback.planned_date

    # -- domains ------------------------------------------------------------

    @api.model
    def _ticket_domain(self, start, stop, company, user=None, team=None):
        domain = [
            ("company_id", "=", company.id),
            ("kefu_contact_date", ">=", start),
            ("kefu_contact_date", "<", stop),
        ]
        if team:
            domain.append(("team_id", "=", team.id))
        if user:
            domain.append(("user_id", "=", user.id))
        return domain

    @api.model
    def _callback_domain(self, start, stop, company, user=None, team=None):
        """The not cancelled callbacks belonging to [start, stop)."""
        domain = [
            ("company_id", "=", company.id),
            ("state", "!=", "cancelled"),
            "|",
            "&",
            "&",
            ("state", "=", "done"),
            ("date_end", ">=", start),
            ("date_end", "<", stop),
            "&",
            "&",
            "|",
            ("state", "!=", "done"),
            ("date_end", "=", False),
            ("planned_date", ">=", start),
            ("planned_date", "<", stop),
        ]
        if team:
            domain.append(("team_id", "=", team.id))
        if user:
            domain.append(("user_id", "=", user.id))
        return domain

    @api.model
    def _key_customer_domain(self, company):
        return [("kefu_key_customer", "=", True), ("company_id", "in", [False, company.id])]

    # -- callback KPIs ------------------------------------------------------

    @api.model
    def _coverage(self, date_from, date_to, company=None, user=None):
        """CBK-3: dict total, done, rate (%) and missing (key customers not called
        back) for the local dates [date_from, date_to]; sudo: a count, not names."""
        company = company or self.env.company
        start, stop = self._bounds(date_from, date_to, company)
        Callback = self.env["kefu.callback"].sudo()
        keys = self.env["res.partner"].sudo().search(self._key_customer_domain(company))
        domain = self._callback_domain(start, stop, company, user=user) + [
            ("partner_id", "in", keys.ids)
        ]
        if user is not None:
            keys = Callback.search(domain).partner_id
        called = Callback.search(domain + [("state", "=", "done")]).partner_id
        return {
            "total": len(keys),
            "done": len(called),
            # Unrounded; each surface rounds for display.
            "rate": 100.0 * len(called) / len(keys) if keys else 0.0,
            "missing": keys - called,
        }

    @api.model
    def _callback_figures(self, date_from, date_to, company=None, user=None, team=None):
        """Callbacks of the period as the current user sees them: planned (not
        cancelled), done, completion (%), satisfaction, feedback collected."""
        company = company or self.env.company
        start, stop = self._bounds(date_from, date_to, company)
        Callback = self.env["kefu.callback"]
        domain = self._callback_domain(start, stop, company, user=user, team=team)
        done_domain = domain + [("state", "=", "done")]
        planned = Callback.search_count(domain)
        done = Callback.search_count(done_domain)
        rated_count, rated = Callback._read_group(
            done_domain + [("satisfaction", "!=", False)], [], ["__count", "satisfaction_score:avg"]
        )[0]
        return {
            "callbacks": planned,
            "callbacks_done": done,
            "callback_rate": kpi_rate(done, planned),
            "satisfaction": round(rated or 0.0, 2),
            "rated": rated_count,
            # RPT-1: the customers' opinions and suggestions collected (CBK-4).
            "feedback": Callback.search_count(done_domain + [("comment", "!=", False)]),
        }

    # -- ticket and archive KPIs --------------------------------------------

    @api.model
    def _count(self, model, domain):
        return self.env[model]._read_group(domain, [], ["__count"])[0][0]

    @api.model
    def _ticket_figures(self, date_from, date_to, company=None, user=None, team=None):
        """Contacts and complaints of the period as the current user sees them."""
        company = company or self.env.company
        start, stop = self._bounds(date_from, date_to, company)
        tickets = self._ticket_domain(start, stop, company, user=user, team=team)
        complaints = tickets + [("kefu_is_complaint", "=", True)]
        Ticket = "helpdesk.ticket"
        contacts = self._count(Ticket, tickets)
        complaint_count = self._count(Ticket, complaints)
        resolved = self._count(Ticket, complaints + [("kefu_resolved_date", "!=", False)])
        on_time = self._count(Ticket, complaints + [("kefu_on_time_rate", "=", 100.0)])
        limited = tickets + [("kefu_response_deadline", "!=", False)]
        limited_count = self._count(Ticket, limited)
        breached = self._count(Ticket, limited + [("kefu_response_breached", "=", True)])
        return {
            "contacts": contacts,
            "complaints": complaint_count,
            "complaint_rate": kpi_rate(complaint_count, contacts),
            "complaint_resolution_rate": kpi_rate(resolved, complaint_count),
            # CMP-6: on time = result given before the promised time, of those resolved.
            "complaint_on_time_rate": kpi_rate(on_time, resolved),
            "response_hit_rate": kpi_rate(limited_count - breached, limited_count),
        }

    @api.model
    def _response_hit_by(self, date_from, date_to, groupby, company=None):
        """SVC-2: response-limit compliance per ``groupby`` (enquiry type or
        channel): list of (record, tickets with a limit, rate %), the rate defined
        as in ``_ticket_figures``."""
        company = company or self.env.company
        start, stop = self._bounds(date_from, date_to, company)
        domain = self._ticket_domain(start, stop, company) + [
            ("kefu_response_deadline", "!=", False)
        ]
        rows = self.env["helpdesk.ticket"]._read_group(
            domain, [groupby, "kefu_response_breached"], ["__count"]
        )
        totals = {}
        for record, breached, count in rows:
            total, missed = totals.get(record, (0, 0))
            totals[record] = (total + count, missed + (count if breached else 0))
        return [
            (record, total, kpi_rate(total - missed, total))
            for record, (total, missed) in sorted(
                totals.items(), key=lambda item: item[0].display_name or ""
            )
        ]

    @api.model
    def _archive_domain(self, date_from, date_to, company=None):
        """ARC-14: the company's data forms whose contract was signed in the period."""
        company = company or self.env.company
        start, stop = self._bounds(date_from, date_to, company)
        return [
            ("company_id", "=", company.id),
            ("contract_signed_on", ">=", start),
            ("contract_signed_on", "<", stop),
        ]

    @api.model
    def _archive_on_time(self, kind, date_from, date_to, company=None, user=None):
        """ARC-14: (counted, on time, rate %) of ``kind`` ("sales" or "cs") as the
        current user sees the forms; a form counts once it was done or its time
        ran out (``_archive_counted_domain``, the rule the on-time pivot uses)."""
        person, _done, _due, on_time = ARCHIVE_KPIS[kind][:4]
        Form = "kefu.archive.form"
        domain = self._archive_domain(date_from, date_to, company)
        if user:
            domain.append((person, "=", user.id))
        counted = self._count(Form, domain + self._archive_counted_domain(kind))
        in_time = self._count(Form, domain + [(on_time, "=", True)])
        return counted, in_time, kpi_rate(in_time, counted)

    @api.model
    def _archive_counted_domain(self, kind, now=None):
        """ARC-14: the data forms ``kind`` counts at ``now``: those done, and
        those whose time ran out (as in ``_archive_on_time``); a form neither done
        nor due yet is not counted. For the on-time pivot (``kefu.archive.ontime``)."""
        _person, done, due = ARCHIVE_KPIS[kind][:3]
        return ["|", (done, "!=", False), (due, "<", now or fields.Datetime.now())]

    @api.model
    def _archive_target(self, kind):
        """ARC-14: (target %, weight %) of ``kind`` from the settings."""
        reader = self.env["kefu.settings"]
        return tuple(float(reader.get_value(name)) for name in ARCHIVE_KPIS[kind][4:])

    @api.model
    def _archive_scores(self, date_from, date_to, company=None):
        """ARC-14 per person: one dict per person and kind with forms counted in
        the period: user, kind, due_count, on_time_count, rate, target, weight,
        score."""
        forms = self.env["kefu.archive.form"].search(
            self._archive_domain(date_from, date_to, company)
        )
        lines = []
        for kind, (person, *_rest) in ARCHIVE_KPIS.items():
            target, weight = self._archive_target(kind)
            for user in forms[person].sorted("name"):
                counted, in_time, rate = self._archive_on_time(
                    kind, date_from, date_to, company, user=user
                )
                if not counted:
                    continue
                lines.append(
                    {
                        "user": user,
                        "kind": kind,
                        "due_count": counted,
                        "on_time_count": in_time,
                        "rate": rate,
                        "target": target,
                        "weight": weight,
                        "score": weighted_score(rate, target, weight),
                    }
                )
        return lines

    @api.model
    def _archive_figures(self, date_from, date_to, company=None, user=None):
        """ARC-14: sales filing and CS updating on time, their targets and weights,
        and (per person) the weighted scores; counts only, never the archive's
        content, so a classified archive shows nothing (ARC-*)."""
        values = {}
        readable = self.env["kefu.archive.form"].has_access("read")
        for kind in ARCHIVE_KPIS:
            target, weight = self._archive_target(kind)
            rate = (
                self._archive_on_time(kind, date_from, date_to, company, user=user)[2]
                if readable
                else 0.0
            )
            values[f"{kind}_on_time_rate"] = rate
            values[f"{kind}_target"] = target
            values[f"{kind}_weight"] = weight
            if user:
                values[f"{kind}_score"] = weighted_score(rate, target, weight)
        return values

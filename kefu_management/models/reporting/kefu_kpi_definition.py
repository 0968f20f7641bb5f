from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models


def kpi_rate(part, whole):
    """A percentage with two decimals; 0.0 when there is nothing to measure."""
    return round(100.0 * part / whole, 2) if whole else 0.0


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
      due; filings on time / filings done or past due.
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
    def _archive_figures(self, date_from, date_to, company=None, user=None):
        """ARC-14: sales filing and CS updating on time; counts only, never the
        archive's content, so a classified archive shows nothing (ARC-*)."""
        company = company or self.env.company
        Form = self.env["kefu.archive.form"]
        if not Form.has_access("read"):
            return {"sales_on_time_rate": 0.0, "cs_on_time_rate": 0.0}
        start, stop = self._bounds(date_from, date_to, company)
        domain = [
            ("company_id", "=", company.id),
            ("contract_signed_on", ">=", start),
            ("contract_signed_on", "<", stop),
        ]
        if user:
            domain.append(("user_id", "=", user.id))
        now = fields.Datetime.now()
        # A form counts once it was handed in or its time ran out.
        due_forms = self._count(
            Form._name, domain + ["|", ("submitted_on", "!=", False), ("form_due", "<", now)]
        )
        form_on_time = self._count(Form._name, domain + [("form_on_time", "=", True)])
        due_filings = self._count(
            Form._name, domain + ["|", ("filed_on", "!=", False), ("filing_due", "<", now)]
        )
        filing_on_time = self._count(Form._name, domain + [("filing_on_time", "=", True)])
        return {
            "sales_on_time_rate": kpi_rate(form_on_time, due_forms),
            "cs_on_time_rate": kpi_rate(filing_on_time, due_filings),
        }

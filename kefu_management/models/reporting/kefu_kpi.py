from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

# Open complaint steps: the result has not yet been given back (CMP-4).
OPEN_COMPLAINT_STEPS = ["new", "accepted", "judged", "routed"]


def _rate(part, whole):
    return round(100.0 * part / whole, 2) if whole else 0.0


class KefuKpi(models.AbstractModel):
    """RPT-5 / ARC-14: the department's KPIs for a period.

    Every figure is an aggregate (``_read_group``) run with the caller's
    environment, so record rules decide what is counted: an agent's report only
    holds what the agent may see. Nothing loops over records.
    """

    _name = "kefu.kpi"
    _description = "Customer Service KPIs"

    @api.model
    def _bounds(self, date_from, date_to, company=None):
        """Naive UTC datetimes of the local dates [date_from, date_to] (inclusive)."""
        company = company or self.env.company
        tz = pytz.timezone(company.resource_calendar_id.tz or "UTC")
        start = tz.localize(datetime.combine(date_from, time.min))
        stop = tz.localize(datetime.combine(date_to + timedelta(days=1), time.min))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            stop.astimezone(pytz.utc).replace(tzinfo=None),
        )

    @api.model
    def _count(self, model, domain):
        return self.env[model]._read_group(domain, [], ["__count"])[0][0]

    @api.model
    def _ticket_domain(self, start, stop, company, extra=None):
        return [
            ("company_id", "=", company.id),
            ("kefu_contact_date", ">=", start),
            ("kefu_contact_date", "<", stop),
        ] + (extra or [])

    @api.model
    def compute(self, date_from, date_to, company=None, team=None, user=None):
        """A dict of KPI name -> value for the local dates [date_from, date_to]."""
        company = company or self.env.company
        start, stop = self._bounds(date_from, date_to, company)
        extra = []
        if team:
            extra.append(("team_id", "=", team.id))
        if user:
            extra.append(("user_id", "=", user.id))
        tickets = self._ticket_domain(start, stop, company, extra)
        complaints = tickets + [("kefu_is_complaint", "=", True)]
        contacts = self._count("helpdesk.ticket", tickets)
        complaint_count = self._count("helpdesk.ticket", complaints)
        resolved = self._count(
            "helpdesk.ticket", complaints + [("kefu_resolved_date", "!=", False)]
        )
        on_time = self._count("helpdesk.ticket", complaints + [("kefu_on_time_rate", "=", 100.0)])
        limited = tickets + [("kefu_response_deadline", "!=", False)]
        limited_count = self._count("helpdesk.ticket", limited)
        breached = self._count("helpdesk.ticket", limited + [("kefu_response_breached", "=", True)])
        values = {
            "contacts": contacts,
            "complaints": complaint_count,
            # RPT-5: complaint rate = complaints / contacts.
            "complaint_rate": _rate(complaint_count, contacts),
            "complaint_resolution_rate": _rate(resolved, complaint_count),
            # CMP-6: on time = result given before the promised time, of those resolved.
            "complaint_on_time_rate": _rate(on_time, resolved),
            "response_hit_rate": _rate(limited_count - breached, limited_count),
        }
        values.update(self._callback_kpis(start, stop, company, team, user))
        values.update(self._archive_kpis(start, stop, company, user))
        return values

    @api.model
    def _callback_kpis(self, start, stop, company, team=None, user=None):
        Callback = self.env["kefu.callback"]
        domain = [
            ("planned_date", ">=", start),
            ("planned_date", "<", stop),
            ("state", "!=", "cancelled"),
        ]
        if "company_id" in Callback._fields:
            domain.append(("company_id", "=", company.id))
        if team:
            domain.append(("team_id", "=", team.id))
        if user:
            domain.append(("user_id", "=", user.id))
        if not Callback.has_access("read"):
            return {
                "callbacks": 0,
                "callbacks_done": 0,
                "callback_rate": 0.0,
                "satisfaction": 0.0,
                "key_coverage": 0.0,
                "feedback": 0,
            }
        planned = self._count("kefu.callback", domain)
        done_domain = domain + [("state", "=", "done")]
        done = self._count("kefu.callback", done_domain)
        rated = Callback._read_group(
            done_domain + [("satisfaction", "!=", False)], [], ["satisfaction_score:avg"]
        )[0][0]
        # CBK-3: key customers with a done callback in the period / key customers.
        keys = self.env["res.partner"].search_count([("kefu_key_customer", "=", True)])
        called = Callback._read_group(
            done_domain + [("key_customer", "=", True)], ["partner_id"], []
        )
        return {
            "callbacks": planned,
            "callbacks_done": done,
            "callback_rate": _rate(done, planned),
            "satisfaction": round(rated or 0.0, 2),
            "key_coverage": _rate(len(called), keys),
            # RPT-1: the customers' opinions and suggestions collected (CBK-4).
            "feedback": self._count("kefu.callback", done_domain + [("comment", "!=", False)]),
        }

    @api.model
    def _archive_kpis(self, start, stop, company, user=None):
        """ARC-14: sales filing and CS updating on time; counts only, never the
        archive's content, so a classified archive shows nothing (ARC-*)."""
        Form = self.env["kefu.archive.form"]
        if not Form.has_access("read"):
            return {"sales_on_time_rate": 0.0, "cs_on_time_rate": 0.0}
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
            "kefu.archive.form",
            domain + ["|", ("submitted_on", "!=", False), ("form_due", "<", now)],
        )
        form_on_time = self._count("kefu.archive.form", domain + [("form_on_time", "=", True)])
        due_filings = self._count(
            "kefu.archive.form",
            domain + ["|", ("filed_on", "!=", False), ("filing_due", "<", now)],
        )
        filing_on_time = self._count("kefu.archive.form", domain + [("filing_on_time", "=", True)])
        return {
            "sales_on_time_rate": _rate(form_on_time, due_forms),
            "cs_on_time_rate": _rate(filing_on_time, due_filings),
        }

    @api.model
    def response_hit_by(self, date_from, date_to, groupby, company=None):
        """SVC-2: response-limit hit rate per ``groupby`` (enquiry type or channel):
        list of (record, tickets with a limit, hit rate)."""
        company = company or self.env.company
        start, stop = self._bounds(date_from, date_to, company)
        domain = self._ticket_domain(
            start, stop, company, [("kefu_response_deadline", "!=", False)]
        )
        rows = self.env["helpdesk.ticket"]._read_group(
            domain, [groupby, "kefu_response_breached"], ["__count"]
        )
        totals = {}
        for record, breached, count in rows:
            total, missed = totals.get(record, (0, 0))
            totals[record] = (total + count, missed + (count if breached else 0))
        return [
            (record, total, _rate(total - missed, total))
            for record, (total, missed) in sorted(
                totals.items(), key=lambda item: item[0].display_name or ""
            )
        ]

    @api.model
    def top_complaint_causes(self, date_from, date_to, limit, company=None):
        """CMP-6: the causes with the most complaints: list of (name, count)."""
        company = company or self.env.company
        start, stop = self._bounds(date_from, date_to, company)
        domain = self._ticket_domain(start, stop, company, [("kefu_is_complaint", "=", True)])
        rows = self.env["helpdesk.ticket"]._read_group(
            domain, ["kefu_complaint_cause_id"], ["__count"], order="__count desc", limit=limit
        )
        return [(cause.display_name or self.env._("No cause"), count) for cause, count in rows]

    @api.model
    def complaints_by(self, date_from, date_to, groupby, company=None):
        """RPT-4: complaints per ``groupby`` (department, level): list of (label, count)."""
        company = company or self.env.company
        start, stop = self._bounds(date_from, date_to, company)
        domain = self._ticket_domain(start, stop, company, [("kefu_is_complaint", "=", True)])
        rows = self.env["helpdesk.ticket"]._read_group(domain, [groupby], ["__count"])
        field = self.env["helpdesk.ticket"]._fields[groupby]
        if field.type == "selection":
            labels = dict(field._description_selection(self.env))
            return [(labels.get(value, "-"), count) for value, count in rows]
        return [(record.display_name or "-", count) for record, count in rows]

    @api.model
    def overdue_items(self, now=None, company=None):
        """Open overdue items at ``now``: list of (label, count)."""
        company = company or self.env.company
        now = now or fields.Datetime.now()
        Ticket = "helpdesk.ticket"
        items = [
            (
                self.env._("Complaints past the promised time"),
                self._count(
                    Ticket,
                    [
                        ("company_id", "=", company.id),
                        ("kefu_is_complaint", "=", True),
                        ("kefu_complaint_state", "in", OPEN_COMPLAINT_STEPS),
                        ("kefu_promised_date", "<", now),
                    ],
                ),
            ),
            (
                self.env._("Tickets not answered within the limit"),
                self._count(
                    Ticket,
                    [
                        ("company_id", "=", company.id),
                        ("kefu_first_reply_date", "=", False),
                        ("kefu_response_deadline", "<", now),
                    ],
                ),
            ),
        ]
        if self.env["kefu.callback"].has_access("read"):
            items.append(
                (
                    self.env._("Callbacks past their due time"),
                    self._count(
                        "kefu.callback",
                        [("state", "=", "planned"), ("deadline_date", "<", now)],
                    ),
                )
            )
        if self.env["kefu.archive.form"].has_access("read"):
            items.append(
                (
                    self.env._("Archive data forms overdue"),
                    self._count(
                        "kefu.archive.form",
                        [
                            ("company_id", "=", company.id),
                            "|",
                            ("form_overdue", "=", True),
                            ("filing_overdue", "=", True),
                        ],
                    ),
                )
            )
        return items

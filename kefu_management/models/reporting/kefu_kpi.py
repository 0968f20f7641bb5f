from odoo import api, fields, models

# Open complaint steps: the result has not yet been given back (CMP-4).
OPEN_COMPLAINT_STEPS = ["new", "accepted", "judged", "routed"]


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
        return self.env["kefu.kpi.definition"]._bounds(date_from, date_to, company)

    @api.model
    def _count(self, model, domain):
        return self.env[model]._read_group(domain, [], ["__count"])[0][0]

    @api.model
    def _ticket_domain(self, start, stop, company, extra=None):
        return self.env["kefu.kpi.definition"]._ticket_domain(start, stop, company) + (extra or [])

    @api.model
    def compute(self, date_from, date_to, company=None, team=None, user=None):
        """A dict of KPI name -> value for the local dates [date_from, date_to];
        every figure as ``kefu.kpi.definition`` defines it (RPT-5)."""
        company = company or self.env.company
        definition = self.env["kefu.kpi.definition"]
        values = definition._ticket_figures(date_from, date_to, company, user=user, team=team)
        values.update(self._callback_kpis(date_from, date_to, company, team, user))
        values.update(definition._archive_figures(date_from, date_to, company, user=user))
        return values

    @api.model
    def _callback_kpis(self, date_from, date_to, company, team=None, user=None):
        if not self.env["kefu.callback"].has_access("read"):
            return {
                "callbacks": 0,
                "callbacks_done": 0,
                "callback_rate": 0.0,
                "satisfaction": 0.0,
                "key_coverage": 0.0,
                "feedback": 0,
            }
        definition = self.env["kefu.kpi.definition"]
        values = definition._callback_figures(date_from, date_to, company, user=user, team=team)
        values.pop("rated")
        # CBK-3: key customers with a done callback in the period / key customers.
        coverage = definition._coverage(date_from, date_to, company, user=user)
        values["key_coverage"] = round(coverage["rate"], 2)
        return values

    @api.model
    def response_hit_by(self, date_from, date_to, groupby, company=None):
        """SVC-2: response-limit compliance per ``groupby`` (enquiry type or
        channel), as ``kefu.kpi.definition`` defines it (RPT-5)."""
        return self.env["kefu.kpi.definition"]._response_hit_by(
            date_from, date_to, groupby, company
        )

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

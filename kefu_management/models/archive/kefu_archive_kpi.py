from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import float_round


def weighted_score(rate, target, weight):
    """ARC-14: the points a KPI gives in the management performance: its full weight
    when the rate reaches the target, in proportion below it."""
    if not target:
        return float(weight)
    return float_round(float(weight) * min(rate / target, 1.0), precision_digits=2)


def _rate(part, whole):
    return round(100.0 * part / whole, 2) if whole else 0.0


class KefuArchiveKpi(models.TransientModel):
    """ARC-14 per person: sales filing customer data on time, CS updating the
    archives on time, each against its target and weighted in the management
    performance (绩效考核, 管理绩效). Targets and weights are settings."""

    _name = "kefu.archive.kpi"
    _description = "Archive On-time Scores"

    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: (
            fields.Date.context_today(self).replace(day=1) + relativedelta(months=1, days=-1)
        ),
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    line_ids = fields.One2many("kefu.archive.kpi.line", "kpi_id", string="Scores")

    def _compute_display_name(self):
        # Issue 18: titled by the model's translated name, never "model,id".
        title = self.env["ir.model"].sudo()._get(self._name).name
        for record in self:
            record.display_name = title

    def _bounds(self):
        """Naive UTC datetimes of the local dates [date_from, date_to] (inclusive),
        in the company calendar's time zone."""
        self.ensure_one()
        tz = pytz.timezone(self.company_id.resource_calendar_id.tz or "UTC")
        start = tz.localize(datetime.combine(self.date_from, time.min))
        stop = tz.localize(datetime.combine(self.date_to + relativedelta(days=1), time.min))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            stop.astimezone(pytz.utc).replace(tzinfo=None),
        )

    def _form_domain(self, start, stop):
        return [
            ("company_id", "=", self.company_id.id),
            ("contract_signed_on", ">=", start),
            ("contract_signed_on", "<", stop),
        ]

    def sales_filing_rate(self, user):
        """ARC-14: the sales person's forms handed in on time, among those handed
        in or whose time ran out, in the period (by contract signature)."""
        start, stop = self._bounds()
        Form = self.env["kefu.archive.form"]
        domain = self._form_domain(start, stop) + [("user_id", "=", user.id)]
        now = fields.Datetime.now()
        due = Form.search_count(
            domain + ["|", ("submitted_on", "!=", False), ("form_due", "<", now)]
        )
        on_time = Form.search_count(domain + [("form_on_time", "=", True)])
        return due, on_time, _rate(on_time, due)

    def cs_update_rate(self, user):
        """ARC-14: the CS member's filings into the archives on time, among the
        forms he filed in the period (by contract signature)."""
        start, stop = self._bounds()
        Form = self.env["kefu.archive.form"]
        domain = self._form_domain(start, stop) + [("filed_by_id", "=", user.id)]
        due = Form.search_count(domain)
        on_time = Form.search_count(domain + [("filing_on_time", "=", True)])
        return due, on_time, _rate(on_time, due)

    def _kefu_check_reader(self):
        if not self.env.user.has_group("kefu_management.group_kefu_team_leader"):
            raise AccessError(self.env._("Only team leaders and managers see the scores."))

    def action_compute(self):
        """One line per person and KPI with forms in the period."""
        self.ensure_one()
        self._kefu_check_reader()
        reader = self.env["kefu.settings"]
        start, stop = self._bounds()
        forms = self.env["kefu.archive.form"].search(self._form_domain(start, stop))
        self.line_ids.unlink()
        lines = []
        for kind, users, rate_of, target_field, weight_field in (
            (
                "sales",
                forms.user_id,
                self.sales_filing_rate,
                "kefu_arc_sales_filing_target",
                "kefu_arc_sales_filing_weight",
            ),
            (
                "cs",
                forms.filed_by_id,
                self.cs_update_rate,
                "kefu_arc_cs_update_target",
                "kefu_arc_cs_update_weight",
            ),
        ):
            target = reader.get_value(target_field)
            weight = reader.get_value(weight_field)
            for user in users.sorted("name"):
                due, on_time, rate = rate_of(user)
                if not due:
                    continue
                lines.append(
                    {
                        "kpi_id": self.id,
                        "user_id": user.id,
                        "kind": kind,
                        "due_count": due,
                        "on_time_count": on_time,
                        "rate": rate,
                        "target": target,
                        "weight": weight,
                        "score": weighted_score(rate, target, weight),
                    }
                )
        self.env["kefu.archive.kpi.line"].create(lines)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Archive On-time Scores"),
            "res_model": "kefu.archive.kpi.line",
            "view_mode": "list,pivot",
            "domain": [("kpi_id", "=", self.id)],
            "target": "current",
        }


class KefuArchiveKpiLine(models.TransientModel):
    _name = "kefu.archive.kpi.line"
    _description = "Archive On-time Score"
    _order = "kind, score, user_id"
    _rec_name = "user_id"

    kpi_id = fields.Many2one(
        "kefu.archive.kpi", string="Score Period", required=True, ondelete="cascade"
    )
    user_id = fields.Many2one("res.users", string="Person", required=True, readonly=True)
    kind = fields.Selection(
        [("sales", "Sales filing customer data"), ("cs", "CS updating archives")],
        string="KPI",
        required=True,
        readonly=True,
    )
    due_count = fields.Integer(string="Counted", readonly=True)
    on_time_count = fields.Integer(string="On Time", readonly=True)
    rate = fields.Float(string="On-time Rate (%)", readonly=True, aggregator="avg")
    target = fields.Float(string="Target (%)", readonly=True, aggregator="avg")
    weight = fields.Float(string="Weight (%)", readonly=True, aggregator="avg")
    score = fields.Float(
        string="Weighted Score",
        readonly=True,
        help="Points in the management performance: the weight when the target is met, "
        "in proportion below it (ARC-14).",
    )

    @api.depends("user_id", "kind")
    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for line in self:
            line.display_name = f"{line.user_id.name} – {labels.get(line.kind, '')}"

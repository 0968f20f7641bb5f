from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

# ARC-14: defined once, in the KPI definitions (RPT-5); re-exported for callers.
from ..reporting.kefu_kpi_definition import weighted_score  # noqa: F401


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

    def sales_filing_rate(self, user):
        """ARC-14: (counted, on time, rate) of the sales person's data forms
        (``kefu.kpi.definition``)."""
        return self._kefu_on_time("sales", user)

    def cs_update_rate(self, user):
        """ARC-14: (counted, on time, rate) of the CS member's filings into the
        archives (``kefu.kpi.definition``)."""
        return self._kefu_on_time("cs", user)

    def _kefu_on_time(self, kind, user):
        self.ensure_one()
        return self.env["kefu.kpi.definition"]._archive_on_time(
            kind, self.date_from, self.date_to, self.company_id, user=user
        )

    def _kefu_check_reader(self):
        if not self.env.user.has_group("kefu_management.group_kefu_team_leader"):
            raise AccessError(self.env._("Only team leaders and managers see the scores."))

    def action_compute(self):
        """One line per person and KPI with forms in the period."""
        self.ensure_one()
        self._kefu_check_reader()
        # ARC-14 / RPT-5: the lines as the KPI definitions compute them, the same
        # figures as the KPI dashboard's (kefu.kpi) for each person.
        scores = self.env["kefu.kpi.definition"]._archive_scores(
            self.date_from, self.date_to, self.company_id
        )
        self.line_ids.unlink()
        lines = [
            {
                **{key: value for key, value in score.items() if key != "user"},
                "kpi_id": self.id,
                "user_id": score["user"].id,
            }
            for score in scores
        ]
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

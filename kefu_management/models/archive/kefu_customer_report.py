from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..base.kefu_translate import kefu_cron_lang
from ..base.kefu_translate import kefu_person_env


class KefuCustomerReport(models.Model):
    """The monthly Customer Information Report (客户信息报告) of a sales person (ARC-4).

    Due on the first Monday of every month, or the weekday and week of the month
    set in Settings (the next working day when that day is a holiday); the
    scheduled action opens one per sales person and month, with an activity on
    the sales person.
    """

    _name = "kefu.customer.report"
    _description = "Customer Information Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "kefu.input.mixin"]
    _order = "period desc, user_id"

    name = fields.Char(compute="_compute_name", store=True)
    user_id = fields.Many2one("res.users", string="Sales Person", required=True, index=True)
    period = fields.Date(string="Month", required=True, index=True)
    date_due = fields.Date(string="Due", required=True)
    state = fields.Selection(
        [("draft", "To Submit"), ("submitted", "Submitted")],
        default="draft",
        required=True,
        tracking=True,
    )
    content = fields.Html(string="Customer Information")
    submitted_on = fields.Datetime(readonly=True, copy=False)
    on_time = fields.Boolean(compute="_compute_on_time", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("user_period_uniq", "unique(user_id, period)", "One report per sales person and month."),
    ]

    @api.depends("user_id", "period")
    def _compute_name(self):
        for report in self:
            month = report.period.strftime("%Y-%m") if report.period else ""
            report.name = f"{report.user_id.name or ''} {month}"

    @api.depends("submitted_on", "date_due")
    def _compute_on_time(self):
        for report in self:
            report.on_time = bool(
                report.submitted_on and report.submitted_on.date() <= report.date_due
            )

    def action_submit(self):
        for report in self:
            if not report.content:
                raise UserError(self.env._("Write the customer information before submitting."))
            report.write({"state": "submitted", "submitted_on": fields.Datetime.now()})
            report.activity_feedback(["mail.mail_activity_data_todo"])

    @api.model
    def _report_due(self, period):
        # ARC-4: the n-th given weekday of the month (settings; the rulebook's first
        # Monday by default), or the next working day after it.
        reader = self.env["kefu.settings"]
        weekday = int(reader.get_value("kefu_arc_report_weekday"))
        week = reader.get_value("kefu_arc_report_week")
        first = period.replace(day=1)
        day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (week - 1))
        return self.env["kefu.working.time"].add_working_dates(day, 0)

    @api.model
    @kefu_cron_lang
    def _cron_open_monthly(self):
        today = fields.Date.context_today(self)
        period = today.replace(day=1)
        salesmen = self.env.ref("sales_team.group_sale_salesman").users.filtered(
            lambda u: u.active and not u.share and self.env.company in u.company_ids
        )
        existing = self.search([("period", "=", period)]).user_id
        due = self._report_due(period)
        users = salesmen - existing
        # Issue 17: the reports in one create and their activities in another.
        try:
            # Two workers may race here: the unique constraint keeps one report.
            with self.env.cr.savepoint(flush=True):
                created = self.create(
                    [{"user_id": user.id, "period": period, "date_due": due} for user in users]
                )
        except IntegrityError:
            # Another worker created some meanwhile: the others one by one.
            created = self.browse()
            for user in users:
                try:
                    with self.env.cr.savepoint(flush=True):
                        created |= self.create(
                            {"user_id": user.id, "period": period, "date_due": due}
                        )
                except IntegrityError:
                    continue
        todo = self.env.ref("mail.mail_activity_data_todo").id
        self.env["kefu.cron.batch"].schedule_activities(
            created,
            {
                report.id: {
                    "activity_type_id": todo,
                    "date_deadline": due,
                    "summary": kefu_person_env(self.env, report.user_id)._(
                        "Hand in the monthly customer information report"
                    ),
                    "user_id": report.user_id.id,
                }
                for report in created
            },
        )
        return created

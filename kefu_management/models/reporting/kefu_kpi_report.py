import base64
import logging
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from psycopg2 import IntegrityError

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

REPORT_KINDS = [
    ("weekly", "Weekly Summary"),
    ("quality", "Monthly Service-Quality Analysis"),
    ("supervision", "Monthly Service Supervision Report"),
]
XLSX_REPORT = "kefu_management.kefu_kpi_report_xlsx"


class KefuKpiReport(models.Model):
    """RPT-1, RPT-2, RPT-4: one generated department report per period and kind.

    The record only holds the period and the XLSX; the figures are read from the
    tickets, callbacks and archive forms when the report is built.
    """

    _name = "kefu.kpi.report"
    _description = "Department Report"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_from desc, kind"

    name = fields.Char(compute="_compute_name", store=True)
    kind = fields.Selection(REPORT_KINDS, required=True, default="quality", tracking=True)
    date_from = fields.Date(string="Period Start", required=True)
    date_to = fields.Date(string="Period End", required=True)
    deadline = fields.Date(help="RPT-2: the monthly reports are due before this day.")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Generated")], default="draft", tracking=True
    )
    attachment_id = fields.Many2one("ir.attachment", string="XLSX", readonly=True, copy=False)

    _sql_constraints = [
        (
            "kefu_kpi_report_period_unique",
            "unique(kind, date_from, company_id)",
            "There is already a report of this kind for this period.",
        ),
    ]

    @api.depends("kind", "date_from", "date_to")
    def _compute_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for report in self:
            if report.kind == "weekly":
                period = f"{report.date_from} ~ {report.date_to}"
            else:
                period = report.date_from and report.date_from.strftime("%Y-%m")
            report.name = f"{kinds.get(report.kind, '')} {period or ''}".strip()

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for report in self:
            if report.date_to < report.date_from:
                raise ValidationError(self.env._("The period must end after it starts."))

    def previous_period(self):
        """The period to compare with: the week or month before."""
        self.ensure_one()
        if self.kind == "weekly":
            return self.date_from - timedelta(days=7), self.date_to - timedelta(days=7)
        first = self.date_from - relativedelta(months=1)
        return first, self.date_from - timedelta(days=1)

    def action_generate(self):
        """Build the XLSX as the current user (their record rules apply) and attach it."""
        for report in self:
            content, _ext = (
                self.env["ir.actions.report"]
                .with_company(report.company_id)
                ._render_xlsx(XLSX_REPORT, report.ids, data={})
            )
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{report.name}.xlsx",
                    "datas": base64.b64encode(content),
                    "res_model": report._name,
                    "res_id": report.id,
                    "mimetype": (
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    ),
                }
            )
            old = report.attachment_id
            report.write({"attachment_id": attachment.id, "state": "done"})
            old.unlink()
        return True

    def action_download(self):
        self.ensure_one()
        if not self.attachment_id:
            self.action_generate()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.attachment_id.id}?download=true",
            "target": "self",
        }

    # -- scheduling -------------------------------------------------------

    @api.model
    def _kefu_deadline(self, day):
        """RPT-2: the deadline (the 22nd by default) of the month of ``day``."""
        deadline_day = self.env["kefu.settings"].get_value("kefu_rpt_deadline_day")
        last = (day.replace(day=1) + relativedelta(months=1)) - timedelta(days=1)
        return day.replace(day=min(deadline_day, last.day))

    @api.model
    def _kefu_working_days_before(self, deadline, count, company=None):
        """The date D from which ``count`` working days (add_working_dates) reach
        the deadline: the ``count``-th working day before it."""
        working_time = self.env["kefu.working.time"]
        current = deadline
        found = 0
        for _i in range(366):
            current -= timedelta(days=1)
            if working_time.is_working_day(current, company):
                found += 1
                if found == count:
                    return current
        raise UserError(self.env._("No working day found in the year before %s.", deadline))

    @api.model
    def _kefu_generation_day(self, day, company=None):
        """The day the monthly reports of the month of ``day`` are generated."""
        count = self.env["kefu.settings"].get_value("kefu_rpt_days_before_22")
        return self._kefu_working_days_before(self._kefu_deadline(day), count, company)

    @api.model
    def _kefu_manager(self, company):
        """The CS Manager who receives the monthly reports (RPT-2, RPT-4)."""
        group = self.env.ref("kefu_management.group_kefu_manager")
        managers = group.users.filtered(
            lambda user: not user.share and company in user.company_ids
        ).sorted("id")
        return managers[:1] or self.env.user

    @api.model
    def _kefu_create_once(self, vals):
        """Create the report unless the same period and kind exists (two workers:
        the unique constraint decides, the loser skips)."""
        existing = self.search(
            [
                ("kind", "=", vals["kind"]),
                ("date_from", "=", vals["date_from"]),
                ("company_id", "=", vals["company_id"]),
            ],
            limit=1,
        )
        if existing:
            return self.browse()
        try:
            with self.env.cr.savepoint():
                return self.create(vals)
        except IntegrityError:
            _logger.info(
                "Report %s of %s created by another worker", vals["kind"], vals["date_from"]
            )
            return self.browse()

    @api.model
    def _cron_kefu_monthly_reports(self):
        """RPT-2 / RPT-4: on the configured working day before the 22nd, create
        the quality and supervision reports of the previous month, give them to
        the CS Manager as an activity due on the 22nd."""
        done = 0
        for company in self.env["res.company"].search([]):
            working_time = self.env["kefu.working.time"]
            today = working_time.local_now(company).date()
            if today < self._kefu_generation_day(today, company):
                continue
            first = today.replace(day=1) - relativedelta(months=1)
            last = today.replace(day=1) - timedelta(days=1)
            deadline = self._kefu_deadline(today)
            manager = self._kefu_manager(company)
            for kind in ("quality", "supervision"):
                report = self._kefu_create_once(
                    {
                        "kind": kind,
                        "date_from": first,
                        "date_to": last,
                        "deadline": deadline,
                        "company_id": company.id,
                        "user_id": manager.id,
                    }
                )
                if not report:
                    continue
                report.with_company(company).action_generate()
                report.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=deadline,
                    summary=self.env._("Review and send %s", report.name),
                    user_id=manager.id,
                )
                done += 1
        self.env["ir.cron"]._notify_progress(done=done, remaining=0)

    @api.model
    def _cron_kefu_weekly_summary(self):
        """RPT-1: on Friday, the week's summary for the Friday meeting, sent to
        the team."""
        template = self.env.ref("kefu_management.mail_template_kefu_weekly_summary")
        done = 0
        for company in self.env["res.company"].search([]):
            today = self.env["kefu.working.time"].local_now(company).date()
            if today.weekday() != 4:
                continue
            monday = today - timedelta(days=today.weekday())
            report = self._kefu_create_once(
                {
                    "kind": "weekly",
                    "date_from": monday,
                    "date_to": monday + timedelta(days=6),
                    "company_id": company.id,
                    "user_id": self._kefu_manager(company).id,
                }
            )
            if not report:
                continue
            report.with_company(company).action_generate()
            report.message_post_with_source(
                template,
                attachment_ids=report.attachment_id.ids,
                subtype_xmlid="mail.mt_comment",
                partner_ids=report._kefu_team_partners().ids,
            )
            done += 1
        self.env["ir.cron"]._notify_progress(done=done, remaining=0)

    def _kefu_team_partners(self):
        """RPT-1: everyone of the department in the report's company."""
        self.ensure_one()
        group = self.env.ref("kefu_management.group_kefu_agent")
        return group.users.filtered(
            lambda user: not user.share and self.company_id in user.company_ids
        ).partner_id

    @api.model
    def _kefu_period_of(self, day):
        """Helper for tests and the UI: first and last day of the month of ``day``."""
        first = date(day.year, day.month, 1)
        return first, first + relativedelta(months=1) - timedelta(days=1)

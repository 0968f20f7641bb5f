import base64
import logging
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from psycopg2 import IntegrityError

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..base.kefu_translate import kefu_cron_lang
from ..base.kefu_translate import kefu_person_env

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
    deadline = fields.Date(
        help="RPT-2: the quality report is due before this day; RPT-4: the supervision "
        "report is due on this day."
    )
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
        for report in self:
            report.name = report._kefu_title()

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
    def _kefu_group_users(self, xmlid, company):
        """The active internal users of a group (implied groups included) in ``company``."""
        return (
            self.env.ref(xmlid)
            .sudo()
            .users.filtered(lambda u: u.active and not u.share and company in u.company_ids)
            .sorted("id")
        )

    @api.model
    def _kefu_general_managers(self, company):
        """RPT-4: the General Managers, who receive the supervision report."""
        return self._kefu_group_users("kefu_management.group_kefu_general_manager", company)

    @api.model
    def _kefu_managers(self, company):
        """RPT-2: every CS Manager (客服部主任). The General Manager, a CS Manager by
        implication only, gets RPT-4 instead; when nobody else holds the group,
        its members (the General Manager included) receive it."""
        members = self._kefu_group_users("kefu_management.group_kefu_manager", company)
        return members - self._kefu_general_managers(company) or members

    @api.model
    def _kefu_manager(self, company):
        """The CS Manager named responsible of the department reports."""
        return self._kefu_managers(company)[:1] or self.env.user

    @api.model
    def _kefu_on_or_before_working_day(self, day, company=None):
        """``day`` when it is a working day, else the working day before it (RPT-1,
        RPT-4: a report due on a holiday or weekend comes the day before)."""
        working_time = self.env["kefu.working.time"]
        current = day
        for _i in range(366):
            if working_time.is_working_day(current, company):
                return current
            current -= timedelta(days=1)
        raise UserError(self.env._("No working day found in the year before %s.", day))

    @api.model
    def _kefu_weekly_due(self, monday, company=None):
        """RPT-1: the day the summary of the week starting ``monday`` is generated."""
        weekday = int(self.env["kefu.settings"].get_value("kefu_rpt_weekly_weekday"))
        return self._kefu_on_or_before_working_day(monday + timedelta(days=weekday), company)

    @api.model
    def _kefu_weekly_period(self, today, company=None):
        """RPT-1: the Monday of the latest week whose summary is due on or before
        ``today`` (next week's may be due already when its day moves back)."""
        monday = today - timedelta(days=today.weekday())
        for week in (monday + timedelta(days=7), monday):
            if self._kefu_weekly_due(week, company) <= today:
                return week
        # Last week's day is at the latest last Sunday.
        return monday - timedelta(days=7)

    @api.model
    def _kefu_supervision_due(self, day):
        """RPT-4: the nominal due day (month end less the setting) of ``day``'s month."""
        offset = self.env["kefu.settings"].get_value("kefu_rpt_supervision_days_before_end")
        return self._kefu_period_of(day)[1] - timedelta(days=offset)

    @api.model
    def _kefu_supervision_month(self, today, company=None):
        """RPT-4: the first day of the latest month whose supervision report is due
        on or before ``today`` (this month's, else last month's: a missed month
        end is caught up)."""
        first = today.replace(day=1)
        due = self._kefu_supervision_due(first)
        if self._kefu_on_or_before_working_day(due, company) <= today:
            return first
        return first - relativedelta(months=1)

    def _kefu_title(self):
        """The report's title in the language of ``self.env``."""
        self.ensure_one()
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        if self.kind == "weekly":
            period = f"{self.date_from} ~ {self.date_to}"
        else:
            period = self.date_from and self.date_from.strftime("%Y-%m")
        return f"{kinds.get(self.kind, '')} {period or ''}".strip()

    def _kefu_assign(self, users, deadline, summary):
        """One activity per person, its summary ``summary(env, title)`` in that
        person's language."""
        self.ensure_one()
        for user in users:
            env = kefu_person_env(self.env, user)
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=deadline,
                summary=summary(env, self.with_env(env)._kefu_title()),
                user_id=user.id,
            )

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
    @kefu_cron_lang
    def _cron_kefu_monthly_reports(self):
        """RPT-2: on the configured working day before the 22nd, the quality report
        of the previous month for every CS Manager, due on the 22nd. RPT-4: at
        month end (configurable), the supervision report of the month for the
        General Manager; a missed month end is caught up on the next run."""
        done = 0
        working_time = self.env["kefu.working.time"]
        for company in self.env["res.company"].search([]):
            today = working_time.local_now(company).date()
            if today >= self._kefu_generation_day(today, company):
                first = today.replace(day=1) - relativedelta(months=1)
                managers = self._kefu_managers(company)
                deadline = self._kefu_deadline(today)
                report = self._kefu_create_once(
                    {
                        "kind": "quality",
                        "date_from": first,
                        "date_to": today.replace(day=1) - timedelta(days=1),
                        "deadline": deadline,
                        "company_id": company.id,
                        "user_id": (managers[:1] or self.env.user).id,
                    }
                )
                if report:
                    report.with_company(company).action_generate()
                    report._kefu_assign(
                        managers, deadline, lambda env, title: env._("Review and send %s", title)
                    )
                    done += 1
            first = self._kefu_supervision_month(today, company)
            general_managers = self._kefu_general_managers(company)
            deadline = self._kefu_supervision_due(first)
            report = self._kefu_create_once(
                {
                    "kind": "supervision",
                    "date_from": first,
                    "date_to": self._kefu_period_of(first)[1],
                    "deadline": deadline,
                    "company_id": company.id,
                    "user_id": (general_managers[:1] or self.env.user).id,
                }
            )
            if report:
                report.with_company(company).action_generate()
                report._kefu_assign(
                    general_managers, deadline, lambda env, title: env._("Review %s", title)
                )
                done += 1
        self.env["ir.cron"]._notify_progress(done=done, remaining=0)

    @api.model
    @kefu_cron_lang
    def _cron_kefu_weekly_summary(self):
        """RPT-1: the week's summary for the meeting, on the configured weekday
        (Friday) or the working day before it, sent to the team; a week whose
        day has passed without a summary is caught up on the next run."""
        template = self.env.ref("kefu_management.mail_template_kefu_weekly_summary")
        done = 0
        for company in self.env["res.company"].search([]):
            today = self.env["kefu.working.time"].local_now(company).date()
            monday = self._kefu_weekly_period(today, company)
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

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class KefuKpiReport(models.Model):
    _inherit = "kefu.kpi.report"

    @api.model
    def _kefu_demo_reports(self):
        """Demo data: last month's quality and supervision reports and this week's summary."""
        company = self.env.company
        today = fields.Date.context_today(self)
        first = today.replace(day=1) - relativedelta(months=1)
        monday = today - timedelta(days=today.weekday())
        manager = self._kefu_manager(company)
        periods = [
            ("quality", first, first + relativedelta(months=1, days=-1)),
            ("supervision", first, first + relativedelta(months=1, days=-1)),
            ("weekly", monday, monday + timedelta(days=6)),
        ]
        for kind, date_from, date_to in periods:
            vals = {
                "kind": kind,
                "date_from": date_from,
                "date_to": date_to,
                "company_id": company.id,
                "user_id": manager.id,
            }
            if kind != "weekly":
                vals["deadline"] = self._kefu_deadline(today)
            report = self._kefu_create_once(vals)
            if report:
                report.action_generate()

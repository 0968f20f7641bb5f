from collections import defaultdict
from datetime import date

import pytz
from dateutil.relativedelta import relativedelta

from odoo import models


class KefuCallbackSummaryXlsx(models.AbstractModel):
    """Callback Summary Report (回访总结报告, CBK-6): per month and agent, the
    planned and done callbacks, key-customer coverage, satisfaction and the
    answers per question."""

    _name = "report.kefu_management.kefu_callback_summary_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Callback Summary Report"

    def _period_of(self, callback, tz):
        moment = pytz.utc.localize(callback.planned_date).astimezone(tz)
        return moment.strftime("%Y-%m")

    def _summary_rows(self, callbacks):
        """Rows (period, agent, planned, done, key, key done, coverage, satisfaction)."""
        tz = pytz.timezone(self.env.company.resource_calendar_id.tz or "UTC")
        groups = defaultdict(lambda: self.env["kefu.callback"])
        for callback in callbacks:
            groups[(self._period_of(callback, tz), callback.user_id)] |= callback
        planner = self.env["kefu.callback.planner"]
        rows = []
        for period in sorted({key[0] for key in groups}):
            for (group_period, user), records in sorted(
                groups.items(), key=lambda item: (item[0][0], item[0][1].name or "")
            ):
                if group_period != period:
                    continue
                rows.append(
                    (period, user.name or self.env._("Unassigned"), *self._figures(records))
                )
            first = date.fromisoformat(f"{period}-01")
            coverage = planner.coverage(first, first + relativedelta(months=1))
            period_records = callbacks.filtered(lambda c, p=period: self._period_of(c, tz) == p)
            figures = self._figures(period_records)
            rows.append(
                (
                    period,
                    self.env._("All agents"),
                    figures[0],
                    figures[1],
                    coverage["total"],
                    coverage["done"],
                    round(coverage["rate"], 1),
                    figures[5],
                )
            )
        return rows

    def _figures(self, records):
        done = records.filtered(lambda c: c.state == "done")
        keys = records.filtered("key_customer").partner_id
        keys_done = done.filtered("key_customer").partner_id
        rated = done.filtered("satisfaction")
        return (
            len(records),
            len(done),
            len(keys),
            len(keys_done),
            round(100.0 * len(keys_done) / len(keys), 1) if keys else "",
            round(sum(rated.mapped("satisfaction_score")) / len(rated), 2) if rated else "",
        )

    def _answer_rows(self, callbacks):
        tz = pytz.timezone(self.env.company.resource_calendar_id.tz or "UTC")
        counts = defaultdict(lambda: [0, 0, 0])
        questions = {}
        for callback in callbacks.filtered(lambda c: c.state == "done"):
            for answer in callback.answer_ids:
                key = (
                    self._period_of(callback, tz),
                    callback.user_id.name or "",
                    answer.question_id.sequence,
                    answer.question_id.id,
                )
                questions[answer.question_id.id] = answer.question_id.name
                if answer.answer == "yes":
                    counts[key][0] += 1
                elif answer.answer == "no":
                    counts[key][1] += 1
                elif answer.answer_text:
                    counts[key][2] += 1
        return [
            (period, agent, questions[qid], *counts[(period, agent, seq, qid)])
            for period, agent, seq, qid in sorted(counts)
        ]

    def generate_xlsx_report(self, workbook, data, callbacks):
        _ = self.env._
        bold = workbook.add_format({"bold": True})
        sheet = workbook.add_worksheet(_("Summary"))
        sheet.write_row(
            0,
            0,
            [
                _("Period"),
                _("Agent"),
                _("Planned"),
                _("Done"),
                _("Key Customers"),
                _("Key Customers Called Back"),
                _("Coverage (%)"),
                _("Average Satisfaction"),
            ],
            bold,
        )
        for row, values in enumerate(self._summary_rows(callbacks), start=1):
            sheet.write_row(row, 0, values)
        sheet.set_column(0, 1, 16)
        sheet.set_column(2, 7, 14)
        answers = workbook.add_worksheet(_("Answers"))
        answers.write_row(
            0, 0, [_("Period"), _("Agent"), _("Question"), _("Yes"), _("No"), _("Comments")], bold
        )
        for row, values in enumerate(self._answer_rows(callbacks), start=1):
            answers.write_row(row, 0, values)
        answers.set_column(2, 2, 60)

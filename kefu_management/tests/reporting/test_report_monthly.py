import base64
import io
from datetime import date

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged, users

from .test_kpi import KefuKpiCase


@tagged("post_install", "-at_install", "kefu", "kefu_reporting")
class TestReportMonthly(KefuKpiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Report = cls.env["kefu.kpi.report"]
        # Only our manager receives the reports.
        group = cls.env.ref("kefu_management.group_kefu_manager")
        others = group.users - cls.manager
        group.users = [(3, user.id) for user in others]

    def set_param(self, name, value):
        self.env["ir.config_parameter"].sudo().set_param(f"kefu_management.{name}", value)

    def test_generation_day_before_22(self):
        day = self.Report._kefu_generation_day
        # April 2031: the 22nd is a Tuesday, one working day before is Monday.
        self.assertEqual(day(date(2031, 4, 3)), date(2031, 4, 21))
        # June 2031: the 22nd is a Sunday: the Friday before.
        self.assertEqual(day(date(2031, 6, 1)), date(2031, 6, 20))
        # A holiday on Monday 21 April: back over the weekend to Friday 18.
        self.add_holiday(date(2031, 4, 21), date(2031, 4, 21))
        self.assertEqual(day(date(2031, 4, 3)), date(2031, 4, 18))
        # Three working days before, with the holiday: 18, 17, 16 April.
        self.set_param("rpt_days_before_22", 3)
        self.assertEqual(day(date(2031, 4, 3)), date(2031, 4, 16))
        # The due day is a setting too: the 25th of May 2031 is a Sunday.
        self.set_param("rpt_deadline_day", 25)
        self.assertEqual(day(date(2031, 5, 3)), date(2031, 5, 21))
        # Counting forward from the generation day reaches the due day.
        self.set_param("rpt_deadline_day", 22)
        self.assertEqual(self.wt.add_working_dates(date(2031, 4, 16), 3), date(2031, 4, 22))

    def quality_of(self, first):
        return self.Report.search(
            [
                ("company_id", "=", self.env.company.id),
                ("kind", "=", "quality"),
                ("date_from", "=", first),
            ]
        )

    def test_cron_across_months_with_holiday(self):
        # RPT-2 only: the supervision report (RPT-4) has its own month-end
        # schedule, see test_report_schedule.py.
        self.add_holiday(date(2031, 4, 21), date(2031, 4, 21))
        with freeze_time("2031-04-17 02:00:00"):  # Thursday 10:00 Shanghai
            self.Report._cron_kefu_monthly_reports()
        self.assertFalse(self.quality_of(date(2031, 3, 1)))
        with freeze_time("2031-04-18 02:00:00"):
            self.Report._cron_kefu_monthly_reports()
            self.Report._cron_kefu_monthly_reports()  # twice: no duplicates
        report = self.quality_of(date(2031, 3, 1))
        self.assertEqual(len(report), 1)
        self.assertEqual(report.date_to, date(2031, 3, 31))
        self.assertEqual(report.state, "done")
        self.assertTrue(report.attachment_id)
        self.assertEqual(report.user_id, self.manager)
        self.assertEqual(report.activity_ids.user_id, self.manager)
        self.assertEqual(report.activity_ids.date_deadline, date(2031, 4, 22))
        # May: the 22nd is a Thursday, generated on Wednesday 21 for April.
        with freeze_time("2031-05-20 02:00:00"):
            self.Report._cron_kefu_monthly_reports()
        self.assertFalse(self.quality_of(date(2031, 4, 1)))
        with freeze_time("2031-05-21 02:00:00"):
            self.Report._cron_kefu_monthly_reports()
        self.assertEqual(len(self.quality_of(date(2031, 4, 1))), 1)

    def read_xlsx(self, report):
        content = base64.b64decode(report.attachment_id.datas)
        return openpyxl.load_workbook(io.BytesIO(content))

    def test_xlsx_cell_by_cell(self):
        with freeze_time("2031-04-10 02:00:00"):
            report = self.Report.create(
                {"kind": "quality", "date_from": date(2031, 3, 1), "date_to": date(2031, 3, 31)}
            )
            report.action_generate()
        sheet = self.read_xlsx(report)["quality"]
        self.assertEqual(sheet["A1"].value, report.name)
        self.assertEqual(sheet["B2"].value, "2031-03-01 ~ 2031-03-31")
        self.assertEqual(
            [c.value for c in sheet[4]][:4], ["KPI", "This Period", "Previous Period", "Change"]
        )
        rows = {sheet.cell(r, 1).value: r for r in range(5, sheet.max_row + 1)}
        expected = {
            "Contacts": (10, 2, 8),
            "Complaints": (3, 0, 3),
            "Complaint Rate (%)": (30, 0, 30),
            "Complaint Resolution Rate (%)": (66.67, 0, 66.67),
            "Complaint On-time Rate (%)": (50, 0, 50),
            "Callbacks Done": (2, 0, 2),
            "Sales Filing On-time Rate (%)": (33.33, 0, 33.33),
        }
        for label, values in expected.items():
            row = rows[label]
            got = tuple(sheet.cell(row, col).value for col in (2, 3, 4))
            for value, want in zip(got, values, strict=True):
                self.assertAlmostEqual(value, want, places=2, msg=label)
        causes = rows["Top Complaint Causes"]
        self.assertEqual(sheet.cell(causes + 1, 1).value, "Late delivery")
        self.assertEqual(sheet.cell(causes + 1, 2).value, 2)
        self.assertEqual(sheet.cell(causes + 2, 1).value, "Price too high")
        overdue = rows["Open Overdue Items"]
        self.assertEqual(sheet.cell(overdue + 1, 1).value, "Complaints past the promised time")
        self.assertGreaterEqual(sheet.cell(overdue + 1, 2).value, 1)
        self.assertEqual(len(sheet._charts), 1)

    def test_supervision_report_sections(self):
        self.complaint_open.kefu_complaint_level = "serious"
        with freeze_time("2031-04-10 02:00:00"):
            report = self.Report.create(
                {"kind": "supervision", "date_from": date(2031, 3, 1), "date_to": date(2031, 3, 31)}
            )
            report.action_generate()
        sheet = self.read_xlsx(report)["supervision"]
        rows = {sheet.cell(r, 1).value: r for r in range(5, sheet.max_row + 1)}
        levels = rows["Complaints per Level"]
        found = {
            sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(levels + 1, levels + 3)
        }
        self.assertEqual(found, {"Normal": 2, "Serious": 1})
        self.assertAlmostEqual(sheet.cell(rows["Key-customer Coverage (%)"], 2).value, 50.0)

    def test_agent_report_leaves_out_other_team_and_archives(self):
        # A classified archive of the agent's own customer holds a secret.
        archive = self.env["kefu.archive"].search([("secrecy_level", "!=", False)], limit=1)
        if archive:
            archive.sudo().decision_makers = "SECRET-DECISION-MAKER"
        with freeze_time("2031-04-10 02:00:00"):
            report = self.Report.with_user(self.agent).create(
                {"kind": "quality", "date_from": date(2031, 3, 1), "date_to": date(2031, 3, 31)}
            )
            report.action_generate()
        sheet = self.read_xlsx(report.sudo())["quality"]
        rows = {sheet.cell(r, 1).value: r for r in range(5, sheet.max_row + 1)}
        self.assertEqual(sheet.cell(rows["Contacts"], 2).value, 6)
        self.assertEqual(sheet.cell(rows["Complaints"], 2).value, 2)
        self.assertNotIn("Price too high", rows)  # team B's cause
        texts = {str(c.value) for row in sheet.iter_rows() for c in row if c.value}
        self.assertFalse([text for text in texts if "SECRET" in text])
        # Another agent does not see this report.
        self.assertFalse(self.Report.with_user(self.agent_b).search([("id", "=", report.id)]))

    def test_weekly_summary_on_friday(self):
        with freeze_time("2031-03-13 02:00:00"):  # Thursday
            self.Report._cron_kefu_weekly_summary()
        # Demo data may hold this week's summary: look at the frozen week only.
        this_week = [
            ("company_id", "=", self.env.company.id),
            ("kind", "=", "weekly"),
            ("date_from", "=", date(2031, 3, 10)),
        ]
        self.assertFalse(self.Report.search(this_week))
        # English: the sheet's labels asserted are the source texts (the cron itself
        # writes in the company's language, see base/test_cron_language.py).
        with freeze_time("2031-03-14 02:00:00"):  # Friday
            self.Report.with_context(lang="en_US")._cron_kefu_weekly_summary()
            self.Report.with_context(lang="en_US")._cron_kefu_weekly_summary()
        weekly = self.Report.search(this_week)
        self.assertEqual(len(weekly), 1)
        self.assertEqual((weekly.date_from, weekly.date_to), (date(2031, 3, 10), date(2031, 3, 16)))
        message = weekly.message_ids.filtered(lambda m: m.attachment_ids)
        self.assertEqual(len(message), 1)
        self.assertIn(self.agent.partner_id, message.partner_ids)
        sheet = self.read_xlsx(weekly)["weekly"]
        rows = {sheet.cell(r, 1).value: r for r in range(5, sheet.max_row + 1)}
        # Week of 10 March: two complaints (10, 11) and team B's 12-14 enquiries.
        self.assertEqual(sheet.cell(rows["Contacts"], 2).value, 5)
        self.assertNotIn("Sales Filing On-time Rate (%)", rows)


@tagged("post_install", "-at_install", "kefu", "kefu_reporting")
class TestReportBounds(KefuKpiCase):
    def count_queries(self, func):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        func()
        return self.env.cr.sql_log_count - before

    def test_query_count_does_not_grow_with_data(self):
        report = self.env["kefu.kpi.report"].create(
            {"kind": "quality", "date_from": date(2031, 3, 1), "date_to": date(2031, 3, 31)}
        )
        render = report.action_generate
        render()  # warm the caches
        first = self.count_queries(render)
        with freeze_time("2031-03-01 00:00:00"):
            for day in range(1, 29):
                self.make_ticket(
                    user_id=self.agent.id,
                    kefu_enquiry_type_id=self.type_complaint.id,
                    kefu_contact_date=self.local(2031, 3, day, 9, 0),
                    kefu_complaint_cause_id=self.cause_price.id,
                )
        # RPT-2: aggregates only, no query per ticket.
        self.assertEqual(self.count_queries(render), first)

    def test_other_company_sees_nothing(self):
        other = self.env["res.company"].create({"name": "Kefu Branch"})
        kpis = self.Kpi.compute(date(2031, 3, 1), date(2031, 3, 31), company=other)
        self.assertEqual((kpis["contacts"], kpis["complaints"]), (0, 0))

    def test_deadline_day_beyond_month_end_and_new_year(self):
        Report = self.env["kefu.kpi.report"]
        self.env["ir.config_parameter"].sudo().set_param("kefu_management.rpt_deadline_day", 31)
        # February 2032 has 29 days: due on the 29th (Sunday), generated Friday 27th.
        self.assertEqual(Report._kefu_deadline(date(2032, 2, 3)), date(2032, 2, 29))
        self.assertEqual(Report._kefu_generation_day(date(2032, 2, 3)), date(2032, 2, 27))
        self.env["ir.config_parameter"].sudo().set_param("kefu_management.rpt_deadline_day", 22)
        # Across the new year: December 2031 is reported on Wednesday 21 January 2032.
        self.add_holiday(date(2032, 1, 1), date(2032, 1, 1))
        with freeze_time("2032-01-21 02:00:00"):
            Report._cron_kefu_monthly_reports()
        reports = Report.search(
            [("company_id", "=", self.env.company.id), ("date_from", "=", date(2031, 12, 1))]
        )
        # December's quality report (RPT-2), and its supervision report (RPT-4,
        # due on 31 December) caught up.
        self.assertEqual(sorted(reports.mapped("kind")), ["quality", "supervision"])
        self.assertEqual(set(reports.mapped("date_to")), {date(2031, 12, 31)})

    def test_settings_refuse_zero(self):
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].create({"kefu_rpt_days_before_22": 0})

    @users("t_agent")
    def test_agent_has_no_dashboard(self):
        with self.assertRaises(AccessError):
            self.env["kefu.kpi.ticket"].search([])

from odoo import models


class KefuKpiReportXlsx(models.AbstractModel):
    """RPT-1 / RPT-2 / RPT-4 as XLSX: the period's KPIs against the previous
    period with a chart, the top complaint causes and the open overdue items.

    Figures come from ``kefu.kpi`` (aggregates run as the current user); the
    workbook is written row by row in xlsxwriter's constant-memory mode.
    """

    _name = "report.kefu_management.kefu_kpi_report_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Department Report XLSX"

    def get_workbook_options(self):
        # RPT-2: large months stay within bounded memory.
        return {"constant_memory": True}

    def _kpi_labels(self, kind):
        _ = self.env._
        labels = [
            ("contacts", _("Contacts")),
            ("complaints", _("Complaints")),
            ("complaint_rate", _("Complaint Rate (%)")),
            ("complaint_resolution_rate", _("Complaint Resolution Rate (%)")),
            ("complaint_on_time_rate", _("Complaint On-time Rate (%)")),
            ("response_hit_rate", _("Response-limit Hit Rate (%)")),
            ("callbacks", _("Callbacks Planned")),
            ("callbacks_done", _("Callbacks Done")),
            ("callback_rate", _("Callback Completion (%)")),
            ("satisfaction", _("Satisfaction (average score)")),
            ("key_coverage", _("Key-customer Coverage (%)")),
            ("feedback", _("Customer Feedback Collected")),
        ]
        if kind != "weekly":
            labels += [
                ("sales_on_time_rate", _("Sales Filing On-time Rate (%)")),
                ("cs_on_time_rate", _("CS Archive Update On-time Rate (%)")),
            ]
        return labels

    def generate_xlsx_report(self, workbook, data, objs):
        kpi = self.env["kefu.kpi"]
        bold = workbook.add_format({"bold": True})
        title = workbook.add_format({"bold": True, "font_size": 14})
        for report in objs:
            company = report.company_id
            current = kpi.compute(report.date_from, report.date_to, company)
            previous = kpi.compute(*report.previous_period(), company)
            sheet = workbook.add_worksheet(report.kind[:31])
            sheet.set_column(0, 0, 40)
            sheet.set_column(1, 3, 16)
            sheet.write(0, 0, report.name, title)
            sheet.write(1, 0, self.env._("Period"), bold)
            sheet.write(1, 1, f"{report.date_from} ~ {report.date_to}")
            headers = [
                self.env._("KPI"),
                self.env._("This Period"),
                self.env._("Previous Period"),
                self.env._("Change"),
            ]
            sheet.write_row(3, 0, headers, bold)
            row = 4
            labels = self._kpi_labels(report.kind)
            for key, label in labels:
                sheet.write_row(
                    row, 0, [label, current[key], previous[key], current[key] - previous[key]]
                )
                row += 1
            self._add_chart(workbook, sheet, report, 4, row - 1)
            row += 1
            row = self._write_response_rows(sheet, report, row, bold)
            row = self._write_causes(sheet, report, row + 1, bold)
            if report.kind == "supervision":
                row = self._write_supervision(sheet, report, row + 1, bold)
            self._write_overdue(sheet, report, row + 1, bold)

    def _add_chart(self, workbook, sheet, report, first_row, last_row):
        chart = workbook.add_chart({"type": "column"})
        name = report.kind[:31]
        for column, label in ((1, self.env._("This Period")), (2, self.env._("Previous Period"))):
            chart.add_series(
                {
                    "name": label,
                    "categories": [name, first_row, 0, last_row, 0],
                    "values": [name, first_row, column, last_row, column],
                }
            )
        chart.set_title({"name": report.name})
        sheet.insert_chart(3, 5, chart)

    def _write_response_rows(self, sheet, report, row, bold):
        kpi = self.env["kefu.kpi"]
        sheet.write_row(
            row,
            0,
            [self.env._("Response Limit per Type / Channel"), self.env._("Tickets"), "%"],
            bold,
        )
        row += 1
        for groupby in ("kefu_enquiry_type_id", "channel_id"):
            for record, total, rate in kpi.response_hit_by(
                report.date_from, report.date_to, groupby, report.company_id
            ):
                sheet.write_row(row, 0, [record.display_name or "-", total, rate])
                row += 1
        return row

    def _write_causes(self, sheet, report, row, bold):
        limit = self.env["kefu.settings"].get_value("kefu_rpt_top_causes")
        causes = self.env["kefu.kpi"].top_complaint_causes(
            report.date_from, report.date_to, limit, report.company_id
        )
        sheet.write_row(row, 0, [self.env._("Top Complaint Causes"), self.env._("Count")], bold)
        row += 1
        for name, count in causes:
            sheet.write_row(row, 0, [name, count])
            row += 1
        return row

    def _write_supervision(self, sheet, report, row, bold):
        """RPT-4: where the complaints came from and how serious they were."""
        kpi = self.env["kefu.kpi"]
        for groupby, title in (
            ("kefu_complaint_department_id", self.env._("Complaints per Department")),
            ("kefu_complaint_level", self.env._("Complaints per Level")),
        ):
            sheet.write_row(row, 0, [title, self.env._("Count")], bold)
            row += 1
            for label, count in kpi.complaints_by(
                report.date_from, report.date_to, groupby, report.company_id
            ):
                sheet.write_row(row, 0, [label, count])
                row += 1
            row += 1
        return row

    def _write_overdue(self, sheet, report, row, bold):
        sheet.write_row(row, 0, [self.env._("Open Overdue Items"), self.env._("Count")], bold)
        row += 1
        for label, count in self.env["kefu.kpi"].overdue_items(company=report.company_id):
            sheet.write_row(row, 0, [label, count])
            row += 1
        return row

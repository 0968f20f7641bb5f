from odoo import models

from ..models.kefu_credit_investigation import REPORT_SECTIONS


class KefuCreditInvestigationXlsx(models.AbstractModel):
    """CRD-5: the Credit Investigation Report in its fixed format."""

    _name = "report.kefu_credit.investigation_xlsx"
    _description = "Credit Investigation Report (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, objs):
        _ = self.env._
        title = workbook.add_format({"bold": True, "font_size": 14})
        label = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        value = workbook.add_format({"text_wrap": True, "valign": "top", "border": 1})
        for investigation in objs:
            sheet = workbook.add_worksheet(investigation.name[:31])
            sheet.set_column(0, 0, 32)
            sheet.set_column(1, 1, 80)
            sheet.write(0, 0, _("Credit Investigation Report"), title)
            fields_ = investigation._fields
            rows = [
                (_("Reference"), investigation.name),
                (
                    fields_["partner_id"].get_description(self.env)["string"],
                    investigation.partner_id.display_name,
                ),
                (
                    _("Kind"),
                    dict(fields_["kind"]._description_selection(self.env)).get(
                        investigation.kind, ""
                    ),
                ),
                (
                    _("Channel"),
                    dict(fields_["channel"]._description_selection(self.env)).get(
                        investigation.channel, ""
                    ),
                ),
                (_("Sales Person"), investigation.user_id.name or ""),
                (_("Requested On"), str(investigation.date_request or "")),
                (_("Due Date"), str(investigation.date_due or "")),
                (_("Current Tier"), investigation.current_tier or ""),
            ]
            rows += [
                (fields_[name].get_description(self.env)["string"], investigation[name] or "")
                for name in REPORT_SECTIONS
            ]
            rows += [
                (_("Finance Evaluation"), investigation.finance_evaluation or ""),
                (_("Evaluated By"), investigation.finance_user_id.name or ""),
                (_("Proposed Tier"), investigation.proposed_tier or ""),
                (_("Proposed Limit"), investigation.proposed_limit),
                (_("Extra Conditions"), investigation.extra_conditions or ""),
                (_("Approved On"), str(investigation.date_done or "")),
            ]
            for row, (caption, content) in enumerate(rows, start=2):
                sheet.write(row, 0, caption, label)
                sheet.write(row, 1, content, value)

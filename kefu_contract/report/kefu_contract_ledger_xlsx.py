from odoo import fields, models


class KefuContractLedgerXlsx(models.AbstractModel):
    """CON-8: the contract ledger (台帐), one row per contract."""

    _name = "report.kefu_contract.ledger_xlsx"
    _description = "Contract Ledger (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def _kefu_columns(self):
        _ = self.env._
        return [
            _("Reference"),
            _("Subject"),
            _("Customer"),
            _("Sales Person"),
            _("Amount"),
            _("Status"),
            _("Submitted On"),
            _("Approved On"),
            _("Review Time (working hours)"),
            _("Finance Review (working hours)"),
            _("Legal Review (working hours)"),
            _("Signed On"),
            _("Received in Custody"),
            _("Late to Custody"),
            _("Delivery Deadline"),
            _("Delivery Status"),
            _("Delivery Late"),
        ]

    def _kefu_row(self, contract):
        _ = self.env._
        states = dict(contract._fields["state"]._description_selection(self.env))
        deliveries = dict(contract._fields["delivery_state"]._description_selection(self.env))

        def moment(value):
            if not value:
                return ""
            return fields.Datetime.to_string(
                fields.Datetime.context_timestamp(contract, value).replace(tzinfo=None)
            )

        return [
            contract.name,
            contract.title,
            contract.partner_id.display_name,
            contract.user_id.name or "",
            contract.amount,
            states.get(contract.state, ""),
            moment(contract.submitted_on),
            moment(contract.approved_on),
            round(contract.review_hours, 2),
            round(contract.finance_review_hours, 2),
            round(contract.legal_review_hours, 2),
            moment(contract.date_signed),
            moment(contract.custody_date),
            _("Yes") if contract.custody_late else _("No"),
            fields.Date.to_string(contract.delivery_date_end) or "",
            deliveries.get(contract.delivery_state, ""),
            _("Yes") if contract.delivery_late else _("No"),
        ]

    def generate_xlsx_report(self, workbook, data, objs):
        header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        sheet = workbook.add_worksheet(self.env._("Contract Ledger"))
        columns = self._kefu_columns()
        sheet.set_column(0, len(columns) - 1, 18)
        for col, caption in enumerate(columns):
            sheet.write(0, col, caption, header)
        for row, contract in enumerate(objs.sorted("id"), start=1):
            for col, value in enumerate(self._kefu_row(contract)):
                sheet.write(row, col, value)

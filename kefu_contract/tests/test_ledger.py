import io

import openpyxl
from freezegun import freeze_time

from odoo.tests import tagged

from .common import KefuContractCase


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestLedger(KefuContractCase):
    """CON-8: the ledger export, one row per contract, review times in working hours."""

    def test_ledger_xlsx_cell_by_cell(self):
        self.env.user.tz = "Asia/Shanghai"
        reviewed = self.make_contract(title="Gearbox supply", amount=250000.0)
        with freeze_time(self.local(2027, 1, 8, 15, 0)):
            reviewed.with_user(self.salesman).action_submit()
        self.give_opinions(reviewed)
        with freeze_time(self.local(2027, 1, 11, 9, 0)):
            reviewed.with_user(self.finance).validate_tier()
        with freeze_time(self.local(2027, 1, 11, 11, 0)):
            reviewed.with_user(self.manager).validate_tier()
        with freeze_time(self.local(2027, 1, 11, 14, 0)):
            reviewed.with_user(self.legal).validate_tier()
        draft = self.make_contract(title="Spare parts", amount=8000.0, user=self.salesman2)
        contracts = reviewed | draft
        content, kind = self.env["ir.actions.report"]._render(
            "kefu_contract.kefu_contract_ledger_xlsx_report", contracts.ids
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        self.assertEqual(sheet.max_row, 3, "a header and one row per contract")
        header = [cell.value for cell in sheet[1]]
        self.assertEqual(header[0], "Reference")
        self.assertEqual(header[8], "Review Time (working hours)")
        self.assertEqual(len(header), 17)
        row = [cell.value for cell in sheet[2]]
        self.assertEqual(
            row,
            [
                reviewed.name,
                "Gearbox supply",
                "Suzhou Precision Parts Co.",
                "Sales Li",
                250000,
                "Approved",
                "2027-01-08 15:00:00",
                "2027-01-11 14:00:00",
                7,
                3,
                7,
                None,
                None,
                "No",
                "2027-03-31",
                "No Sales Order",
                "No",
            ],
        )
        second = [cell.value for cell in sheet[3]]
        self.assertEqual(
            second[:6],
            [draft.name, "Spare parts", "Suzhou Precision Parts Co.", "Sales Wang", 8000, "Draft"],
        )
        self.assertEqual(second[6:11], [None, None, 0, 0, 0])

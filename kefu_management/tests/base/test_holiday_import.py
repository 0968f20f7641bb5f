import base64
import io

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..common import KefuCase

CSV = """date,name,type,date_to
2027-01-01,New Year,holiday,
2027-02-06,Spring Festival,放假,2027-02-12
2027-02-14,Spring Festival make-up,调休,
"""


@tagged("post_install", "-at_install", "kefu", "kefu_base", "kefu_working_time")
class TestHolidayImport(KefuCase):
    def _wizard(self, content, filename):
        return (
            self.env["kefu.holiday.import"]
            .with_user(self.manager)
            .create(
                {
                    "source": "file",
                    "file": base64.b64encode(content),
                    "filename": filename,
                    "calendar_id": self.calendar.id,
                }
            )
        )

    def _counts(self):
        leaves = self.env["resource.calendar.leaves"].search_count(
            [("calendar_id", "=", self.calendar.id), ("resource_id", "=", False)]
        )
        makeups = self.env["kefu.makeup.day"].search_count([("calendar_id", "=", self.calendar.id)])
        return leaves, makeups

    def test_csv_import_feeds_the_working_time_service(self):
        wizard = self._wizard(CSV.encode(), "holidays.csv")
        wizard.action_import()
        self.assertEqual((wizard.holiday_count, wizard.makeup_count), (2, 1))
        self.assertEqual(self._counts(), (2, 1))
        from datetime import date

        self.assertFalse(self.wt.is_working_day(date(2027, 2, 8)))  # Monday, in the holiday
        self.assertTrue(self.wt.is_working_day(date(2027, 2, 14)))  # Sunday, make-up day
        # Importing the same file again adds nothing.
        again = self._wizard(CSV.encode(), "holidays.csv")
        again.action_import()
        self.assertEqual((again.holiday_count, again.makeup_count), (0, 0))
        self.assertEqual(self._counts(), (2, 1))

    def test_xlsx_import(self):
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["date", "name", "type"])
        sheet.append(["2027-05-01", "Labour Day", "holiday"])
        sheet.append(["2027-04-25", "Labour Day make-up", "makeup"])
        buffer = io.BytesIO()
        book.save(buffer)
        self._wizard(buffer.getvalue(), "holidays.xlsx").action_import()
        self.assertEqual(self._counts(), (1, 1))

    def test_bad_rows_are_refused_and_nothing_is_written(self):
        bad_files = [
            "date,name,type\n2027-01-01,New Year,holiday\n2027-13-01,Bad,holiday\n",
            "date,name,type\n2027-01-01,New Year,holiday\n2027-01-02,Odd,vacation\n",
            "date,name\n2027-01-01,New Year\n",
            "date,name,type\n",
            "date,name,type,date_to\n2027-01-05,Back,holiday,2027-01-01\n",
        ]
        for content in bad_files:
            with self.assertRaises(UserError):
                self._wizard(content.encode(), "holidays.csv").action_import()
        with self.assertRaises(UserError):
            self._wizard(b"x", "holidays.pdf").action_import()
        self.assertEqual(self._counts(), (0, 0))

    def test_gbk_csv_with_chinese_headers(self):
        content = "日期,名称,类型,结束日期\n2027-10-01,国庆节,放假,2027-10-07\n2027-09-26,国庆调休,调休,\n"  # noqa: E501
        self._wizard(content.encode("gbk"), "节假日.csv").action_import()
        self.assertEqual(self._counts(), (1, 1))
        Leave = self.env["resource.calendar.leaves"]
        leave = Leave.search([("calendar_id", "=", self.calendar.id)])
        self.assertEqual(leave.name, "国庆节")

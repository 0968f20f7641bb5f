import base64
import io
from datetime import date

from openpyxl import load_workbook
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import KefuCallbackCase


@tagged("post_install", "-at_install", "kefu", "kefu_callback")
class TestCallbackSummaryArchived(KefuCallbackCase):
    """CBK-6: the callback summary report is generated per month by its cron and
    archived as a record with its file, once per period."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Report = cls.env["kefu.kpi.report"]
        cls.Report.search([("kind", "=", "callback")]).unlink()
        cls.customer.kefu_key_customer = True
        cls.env["kefu.callback"].create(
            {
                "partner_id": cls.customer.id,
                "planned_date": cls.local(2027, 4, 14, 10, 0),
                "user_id": cls.agent.id,
                "team_id": cls.team.id,
                "state": "done",
                "satisfaction": "5",
                "date_start": cls.local(2027, 4, 14, 10, 0),
                "date_end": cls.local(2027, 4, 14, 10, 4),
            }
        )

    def archived(self):
        return self.Report.search(
            [("kind", "=", "callback"), ("company_id", "=", self.env.company.id)]
        )

    def test_cron_archives_last_month_once(self):
        self.frozen(self.local(2027, 4, 20, 10, 0))
        self.Report._cron_kefu_callback_summary()
        self.assertFalse(
            self.archived().filtered(lambda r: r.date_from == date(2027, 4, 1)),
            "April is not over",
        )
        self.frozen(self.local(2027, 5, 1, 8, 0))
        self.Report._cron_kefu_callback_summary()
        self.Report._cron_kefu_callback_summary()
        april = self.archived().filtered(lambda r: r.date_from == date(2027, 4, 1))
        self.assertEqual(len(april), 1, "run twice: one record")
        self.assertEqual(april.date_to, date(2027, 4, 30))
        self.assertTrue(april.by_cron)
        self.assertEqual(april.generated_on, self.local(2027, 5, 1, 8, 0))
        self.assertEqual(april.state, "done")
        book = load_workbook(io.BytesIO(base64.b64decode(april.attachment_id.datas)))
        rows = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
        self.assertEqual(rows[1], ["2027-04", self.agent.name, 1, 1, 1, 1, 100, 5])
        # Another worker got there first: the unique constraint refuses a second one.
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.Report.create(
                {
                    "kind": "callback",
                    "date_from": date(2027, 4, 1),
                    "date_to": date(2027, 4, 30),
                    "company_id": self.env.company.id,
                }
            )
        self.assertEqual(self.archived().mapped("date_from"), [date(2027, 4, 1), date(2027, 3, 1)])

    def test_missed_month_caught_up(self):
        self.frozen(self.local(2027, 5, 18, 10, 0))
        self.Report._cron_kefu_callback_summary()
        self.assertEqual(self.archived().mapped("date_from"), [date(2027, 4, 1)])

    def test_archive_visible_to_managers_only(self):
        self.frozen(self.local(2027, 5, 1, 8, 0))
        self.Report._cron_kefu_callback_summary()
        report = self.archived()
        self.assertEqual(
            self.Report.with_user(self.manager).search([("id", "=", report.id)]), report
        )
        self.assertFalse(self.Report.with_user(self.agent).search([("id", "=", report.id)]))
        # The generation record cannot be rewritten by hand.
        with self.assertRaises(AccessError):
            report.with_user(self.manager).write({"generated_on": self.local(2027, 5, 2, 8, 0)})
        with self.assertRaises(AccessError):
            report.with_user(self.manager).write({"by_cron": False})
        self.assertEqual(report.generated_on, self.local(2027, 5, 1, 8, 0))
        self.assertTrue(report.by_cron)

"""Issue 17: the report jobs (``kefu.kpi.report``) make one report per kind,
period and company: one record per run by nature. Their cost must not grow with
the data of the period (tickets, callbacks): a run on a period with 2N items costs
what a run on a period with N items cost, after a warm-up run, in frozen time; a
second run of the same day makes nothing."""

import logging
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from ..callback.common import KefuCallbackCase
from ..common import CronBoundsMixin
from ..common import N

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install", "kefu", "kefu_reporting")
class TestReportCronQueryBounds(CronBoundsMixin, KefuCallbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ICP = cls.env["ir.config_parameter"].sudo()
        for name, field in cls.env["res.config.settings"]._fields.items():
            if name.startswith("kefu_rpt_"):
                ICP.set_param(field.config_parameter, False)
        # As ir.cron runs it: tracking and the chatter on.
        cls.env = cls.env(context={})
        cls.Report = cls.env["kefu.kpi.report"]
        cls.cause = cls.env["kefu.complaint.cause"].create({"name": "Late delivery"})

    def fill(self, day, count):
        """``count`` consultations, complaints and planned callbacks on the local
        days from ``day`` on (one a day, within the week)."""
        for i in range(count):
            moment = self.local(day.year, day.month, day.day, 10, 0) + timedelta(days=i % 5)
            with freeze_time(moment):
                self.make_ticket(
                    user_id=(self.agent if i % 2 else self.agent_b).id,
                    kefu_enquiry_type_id=self.type_consultation.id,
                    kefu_contact_date=moment,
                )
                self.make_ticket(
                    user_id=self.agent.id,
                    kefu_enquiry_type_id=self.type_complaint.id,
                    kefu_contact_date=moment,
                    kefu_complaint_cause_id=self.cause.id,
                )
        self.Callback.create(
            [
                {
                    "partner_id": self.customer.id,
                    "planned_date": self.local(day.year, day.month, day.day, 10, 0)
                    + timedelta(days=i % 5),
                    "rest_reason": "Test fixture.",
                    "user_id": self.agent.id,
                    "team_id": self.team.id,
                }
                for i in range(count)
            ]
        )
        # What the transaction that made them does at its commit (the tickets'
        # creation tracking), not the report job.
        self.env.cr.precommit.run()

    def mine(self, kinds):
        return [("kind", "in", kinds), ("company_id", "=", self.env.company.id)]

    def reports(self):
        return self.Report.search([]).mapped(
            lambda r: (r.kind, r.date_from, r.company_id.id, r.attachment_id.id)
        )

    def assertFlat(self, method, runs, kinds):
        """``runs``: (run time, first day of the period's data) of the warm-up run,
        then of a run on N and of a run on 2N items. Each run makes one report of
        each of ``kinds`` (and its XLSX); the last two cost the same."""
        counts = []
        for count, (moment, day) in zip((N, N, 2 * N), runs, strict=True):
            self.fill(day, count)
            made = len(self.Report.search(self.mine(kinds)))
            with freeze_time(moment):
                queries, _result = self.count(getattr(self.Report, method))
                reports = self.Report.search(self.mine(kinds))
                self.assertEqual(len(reports), made + len(kinds), "one report of each kind")
                self.assertTrue(all(reports.mapped("attachment_id")))
                before = self.reports()
                again, _result = self.count(getattr(self.Report, method))
                self.assertEqual(self.reports(), before, "a second run made a report again")
            counts.append(queries)
        _logger.info("%s: %s queries (warm-up, N, 2N)", self._testMethodName, counts)
        self.assertLessEqual(counts[2], counts[1], f"grows with the data: {counts}")
        return counts

    def test_weekly_summary_costs_the_same_whatever_the_week_holds(self):
        # Weeks of Monday 2 June 2031 on; run on their Friday.
        self.assertFlat(
            "_cron_kefu_weekly_summary",
            [
                (datetime(2031, 6, 6, 8, 0), datetime(2031, 6, 2)),
                (datetime(2031, 6, 13, 8, 0), datetime(2031, 6, 9)),
                (datetime(2031, 6, 20, 8, 0), datetime(2031, 6, 16)),
            ],
            ["weekly"],
        )

    def test_monthly_reports_cost_the_same_whatever_the_month_holds(self):
        # RPT-2 on the 25th (after the generation day) for last month, and RPT-4's
        # supervision report of last month caught up.
        self.assertFlat(
            "_cron_kefu_monthly_reports",
            [
                (datetime(2031, 4, 25, 2, 0), datetime(2031, 3, 3)),
                (datetime(2031, 5, 26, 2, 0), datetime(2031, 4, 7)),
                (datetime(2031, 6, 25, 2, 0), datetime(2031, 5, 5)),
            ],
            ["quality", "supervision"],
        )

    def test_callback_summary_costs_the_same_whatever_the_month_holds(self):
        self.assertFlat(
            "_cron_kefu_callback_summary",
            [
                (datetime(2031, 4, 3, 2, 0), datetime(2031, 3, 3)),
                (datetime(2031, 5, 5, 2, 0), datetime(2031, 4, 7)),
                (datetime(2031, 6, 4, 2, 0), datetime(2031, 5, 5)),
            ],
            ["callback"],
        )

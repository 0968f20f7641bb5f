from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged, users

from ..callback.common import KefuCallbackCase


class KefuKpiCase(KefuCallbackCase):
    """A hand-built March 2031 (and a little February) with known KPIs.

    Team A (agent): 4 consultations by phone (one breached), 2 complaints by
    phone: one resolved before its promise, one after. Team B (agent_b): 3
    delivery enquiries by email (one breached), 1 open complaint past its
    promise. February: 2 consultations.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ICP = cls.env["ir.config_parameter"].sudo()
        for name, field in cls.env["res.config.settings"]._fields.items():
            if name.startswith("kefu_rpt_"):
                ICP.set_param(field.config_parameter, False)
        cls.Kpi = cls.env["kefu.kpi"]
        cls.cause_price = cls.env["kefu.complaint.cause"].create({"name": "Price too high"})
        cls.cause_late = cls.env["kefu.complaint.cause"].create({"name": "Late delivery"})
        with freeze_time("2031-03-01 00:00:00"):
            cls.tickets_a = cls.env["helpdesk.ticket"]
            for day in (3, 4, 5, 6):
                cls.tickets_a |= cls.make_ticket(
                    user_id=cls.agent.id,
                    kefu_enquiry_type_id=cls.type_consultation.id,
                    kefu_contact_date=cls.local(2031, 3, day, 9, 0),
                )
            cls.complaint_on_time = cls.make_ticket(
                user_id=cls.agent.id,
                kefu_enquiry_type_id=cls.type_complaint.id,
                kefu_contact_date=cls.local(2031, 3, 10, 9, 0),
                kefu_complaint_cause_id=cls.cause_late.id,
            )
            cls.complaint_late = cls.make_ticket(
                user_id=cls.agent.id,
                kefu_enquiry_type_id=cls.type_complaint.id,
                kefu_contact_date=cls.local(2031, 3, 11, 9, 0),
                kefu_complaint_cause_id=cls.cause_late.id,
            )
            cls.tickets_b = cls.env["helpdesk.ticket"]
            for day in (12, 13, 14):
                cls.tickets_b |= cls.make_ticket(
                    user_id=cls.agent_b.id,
                    team_id=cls.team_b.id,
                    channel_id=cls.channel_email.id,
                    kefu_enquiry_type_id=cls.type_delivery.id,
                    kefu_contact_date=cls.local(2031, 3, day, 9, 0),
                )
            cls.complaint_open = cls.make_ticket(
                user_id=cls.agent_b.id,
                team_id=cls.team_b.id,
                channel_id=cls.channel_email.id,
                kefu_enquiry_type_id=cls.type_complaint.id,
                kefu_contact_date=cls.local(2031, 3, 17, 9, 0),
                kefu_complaint_cause_id=cls.cause_price.id,
            )
            cls.february = cls.env["helpdesk.ticket"]
            for day in (10, 11):
                cls.february |= cls.make_ticket(
                    user_id=cls.agent.id,
                    kefu_enquiry_type_id=cls.type_consultation.id,
                    kefu_contact_date=cls.local(2031, 2, day, 9, 0),
                )
            (cls.complaint_on_time | cls.complaint_late | cls.complaint_open).write(
                {"kefu_complaint_state": "judged", "kefu_promised_date": cls.local(2031, 3, 20, 12)}
            )
        cls.complaint_on_time.write(
            {"kefu_resolved_date": cls.local(2031, 3, 19, 9), "kefu_complaint_state": "result_sent"}
        )
        cls.complaint_late.write(
            {"kefu_resolved_date": cls.local(2031, 3, 24, 9), "kefu_complaint_state": "result_sent"}
        )
        (cls.tickets_a[:1] | cls.tickets_b[:1]).write({"kefu_response_breached": True})
        cls.customer.kefu_key_customer = True
        cls.env["res.partner"].create(
            {"name": "Key customer never called", "kefu_key_customer": True}
        )
        # Callbacks: agent 3 planned in March, 2 done (scores 5 and 3), 1 cancelled.
        cls.callbacks = cls.env["kefu.callback"]
        for day, state, score in (
            (3, "done", "5"),
            (4, "done", "3"),
            (5, "planned", False),
            (6, "cancelled", False),
        ):
            cls.callbacks |= cls.env["kefu.callback"].create(
                {
                    "partner_id": cls.customer.id,
                    "planned_date": cls.local(2031, 3, day, 10, 0),
                    "user_id": cls.agent.id,
                    "team_id": cls.team.id,
                    "state": state,
                    "satisfaction": score,
                    "comment": "Deliver earlier please." if score == "3" else False,
                    "date_start": cls.local(2031, 3, day, 10, 0) if state == "done" else False,
                    "date_end": cls.local(2031, 3, day, 10, 5) if state == "done" else False,
                }
            )
        # ARC-14: three data forms signed in March.
        cls.company_customer = cls.env["res.partner"].create(
            {"name": "Guangzhou Hardware Ltd", "is_company": True}
        )
        Form = cls.env["kefu.archive.form"]
        cls.forms = Form.browse()
        for day in (3, 4, 5):
            cls.forms |= Form.create(
                {
                    "partner_id": cls.company_customer.id,
                    "user_id": cls.agent.id,
                    "contract_signed_on": cls.local(2031, 3, day, 9, 0),
                }
            )
        first, late, _pending = cls.forms
        first.write(
            {
                "state": "filed",
                "submitted_on": cls.local(2031, 3, 3, 15, 0),
                "filing_due": cls.local(2031, 3, 4, 15, 0),
                "filed_on": cls.local(2031, 3, 4, 9, 0),
            }
        )
        late.write(
            {
                "state": "submitted",
                "submitted_on": cls.local(2031, 3, 20, 9, 0),
                "filing_due": cls.local(2031, 3, 21, 9, 0),
            }
        )

    def march(self, env=None):
        kpi = (env or self.env)["kefu.kpi"]
        return kpi.compute(date(2031, 3, 1), date(2031, 3, 31))


@tagged("post_install", "-at_install", "kefu", "kefu_reporting")
class TestKpi(KefuKpiCase):
    def test_complaint_kpis(self):
        with freeze_time("2031-04-10 02:00:00"):
            kpis = self.march()
        self.assertEqual(kpis["contacts"], 10)
        self.assertEqual(kpis["complaints"], 3)
        self.assertEqual(kpis["complaint_rate"], 30.0)
        self.assertEqual(kpis["complaint_resolution_rate"], 66.67)
        self.assertEqual(kpis["complaint_on_time_rate"], 50.0)

    def test_response_hit_rate(self):
        march = (date(2031, 3, 1), date(2031, 3, 31))
        self.assertTrue(all((self.tickets_a | self.tickets_b).mapped("kefu_response_deadline")))
        limited = self.env["helpdesk.ticket"].search_count(
            [
                ("kefu_contact_date", ">=", self.local(2031, 3, 1, 0, 0)),
                ("kefu_contact_date", "<", self.local(2031, 4, 1, 0, 0)),
                ("kefu_response_deadline", "!=", False),
            ]
        )
        self.assertEqual(
            self.march()["response_hit_rate"], round(100.0 * (limited - 2) / limited, 2)
        )
        by_type = {
            r.id: (n, rate)
            for r, n, rate in self.Kpi.response_hit_by(*march, "kefu_enquiry_type_id")
        }
        self.assertEqual(by_type[self.type_consultation.id], (4, 75.0))
        self.assertEqual(by_type[self.type_delivery.id], (3, 66.67))
        self.assertEqual(by_type[self.type_complaint.id], (3, 100.0))
        by_channel = {
            r.id: (n, rate) for r, n, rate in self.Kpi.response_hit_by(*march, "channel_id")
        }
        self.assertEqual(by_channel[self.channel_phone.id], (6, 83.33))
        self.assertEqual(by_channel[self.channel_email.id], (4, 75.0))

    def test_callback_kpis(self):
        kpis = self.march()
        # The cancelled one is not planned work any more.
        self.assertEqual(kpis["callbacks"], 3)
        self.assertEqual(kpis["callbacks_done"], 2)
        self.assertEqual(kpis["callback_rate"], 66.67)
        self.assertEqual(kpis["satisfaction"], 4.0)
        # One of the two key customers was called.
        self.assertEqual(kpis["key_coverage"], 50.0)
        self.assertEqual(kpis["feedback"], 1)

    def test_arc14_on_time_rates(self):
        with freeze_time("2031-04-10 02:00:00"):
            kpis = self.march()
        # Sales: 3 forms due (two handed in, one past due), one on time.
        self.assertEqual(kpis["sales_on_time_rate"], 33.33)
        # CS: two filings due (one filed in time, one past its due time).
        self.assertEqual(kpis["cs_on_time_rate"], 50.0)

    def test_top_causes_and_overdue(self):
        causes = self.Kpi.top_complaint_causes(date(2031, 3, 1), date(2031, 3, 31), 5)
        self.assertEqual(causes, [("Late delivery", 2), ("Price too high", 1)])
        self.assertEqual(
            self.Kpi.top_complaint_causes(date(2031, 3, 1), date(2031, 3, 31), 1),
            [("Late delivery", 2)],
        )
        label = "Complaints past the promised time"
        before = dict(self.Kpi.overdue_items(now=self.local(2031, 3, 19, 9, 0)))[label]
        after = dict(self.Kpi.overdue_items(now=self.local(2031, 3, 25, 9, 0)))[label]
        # Only the open complaint of team B passes its promise on 20 March.
        self.assertEqual(after - before, 1)

    def test_filter_team_and_agent(self):
        kpis = self.Kpi.compute(date(2031, 3, 1), date(2031, 3, 31), team=self.team_b)
        self.assertEqual((kpis["contacts"], kpis["complaints"]), (4, 1))
        kpis = self.Kpi.compute(date(2031, 3, 1), date(2031, 3, 31), user=self.agent)
        self.assertEqual((kpis["contacts"], kpis["complaints"]), (6, 2))

    def test_dashboard_view_rates(self):
        rows = self.env["kefu.kpi.ticket"]._read_group(
            [
                (
                    "ticket_id",
                    "in",
                    (
                        self.tickets_a
                        | self.tickets_b
                        | self.complaint_on_time
                        | self.complaint_late
                        | self.complaint_open
                    ).ids,
                )
            ],
            [],
            ["contact_count:sum", "complaint_rate:avg", "resolution_rate:avg", "on_time_rate:avg"],
        )
        contacts, complaint_rate, resolution, on_time = rows[0]
        self.assertEqual(contacts, 10)
        self.assertAlmostEqual(complaint_rate, 30.0)
        self.assertAlmostEqual(resolution, 200.0 / 3)
        self.assertAlmostEqual(on_time, 50.0)

    def test_daily_counts(self):
        Daily = self.env["kefu.kpi.daily"]
        row = Daily.search([("user_id", "=", self.agent.id), ("day", "=", "2031-03-03")])
        self.assertEqual(
            (row.consultation_count, row.enquiry_count, row.proactive_count), (1, 0, 1)
        )
        row = Daily.search([("user_id", "=", self.agent_b.id), ("day", "=", "2031-03-12")])
        self.assertEqual((row.consultation_count, row.enquiry_count), (0, 1))

    @users("t_agent")
    def test_agent_sees_only_own_work(self):
        kpis = self.march(self.env)
        # Team B's four tickets stay out of the agent's figures.
        self.assertEqual((kpis["contacts"], kpis["complaints"]), (6, 2))
        days = self.env["kefu.kpi.daily"].search(
            [("day", ">=", "2031-03-01"), ("day", "<=", "2031-03-31")]
        )
        self.assertEqual(days.user_id, self.agent)

    @users("t_leader_b")
    def test_leader_sees_own_team(self):
        rows = self.env["kefu.kpi.ticket"].search(
            [("contact_date", ">=", self.local(2031, 3, 1, 0, 0))]
        )
        self.assertEqual(rows.team_id, self.team_b)
        self.assertEqual(len(rows), 4)

    def test_bad_period_refused(self):
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                self.env["kefu.kpi.report"].create(
                    {"kind": "quality", "date_from": date(2031, 3, 31), "date_to": date(2031, 3, 1)}
                )
        self.assertFalse(
            self.env["kefu.kpi.report"].search([("date_from", "=", date(2031, 3, 31))])
        )

"""Issue 17: the per-record query cost of kefu_management's scheduled jobs
(``tests/common.py``)."""

from datetime import date, timedelta

from odoo.tests import new_test_user, tagged

from ...models.base.kefu_translate import kefu_shared_env
from ..archive.common import KefuArchiveCase
from ..common import CronBoundsMixin
from ..service_desk.common import KefuHelpdeskCase


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestCronQueryBounds(CronBoundsMixin, KefuArchiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context={})
        cls.Archive = cls.env["kefu.archive"]

    def new_archives(self, count, **vals):
        partners = self.env["res.partner"].create(
            [{"name": f"Bounds {i} Co.", "is_company": True} for i in range(count)]
        )
        return self.Archive.create(
            [
                dict({"partner_id": partner.id, "org_structure": "structure"}, **vals)
                for partner in partners
            ]
        )

    def test_declassification_costs_at_most_five_queries_per_archive(self):
        def make(count):
            return self.new_archives(
                count,
                secrecy_level="secret",
                classified_on=date(2026, 3, 1),
                secrecy_end=date(2027, 3, 10),
            )

        self.assertBounded(
            make,
            lambda: self.as_cron("kefu.archive")._cron_declassify(),
            lambda archives: set(archives.mapped("secrecy_level")) == {"none"},
        )

    def test_reverification_costs_at_most_five_queries_per_archive(self):
        activity_type = self.env.ref("kefu_management.mail_activity_kefu_reverify")
        self.assertBounded(
            lambda count: self.new_archives(count, agent_id=self.agent.id),
            lambda: self.as_cron("kefu.archive", activities=True)._cron_reverify(),
            lambda archives: all(
                len(a.activity_ids.filtered(lambda x: x.activity_type_id == activity_type)) == 1
                for a in archives
            ),
            at=self.NOW + timedelta(days=200),
        )

    def test_overdue_borrowing_costs_at_most_five_queries_per_card(self):
        Card = self.env["kefu.archive.borrow"]

        def make(count):
            archives = self.new_archives(
                count,
                secrecy_level="top_secret",
                classified_on=date(2027, 1, 1),
                secrecy_end=date(2030, 1, 1),
            )
            return Card.browse(
                [
                    self.grant_card(archive, due=self.NOW + timedelta(hours=1)).id
                    for archive in archives
                ]
            )

        self.assertBounded(
            make,
            lambda: self.as_cron("kefu.archive.borrow")._cron_flag_overdue(),
            lambda cards: set(cards.mapped("state")) == {"overdue"},
        )

    def test_monthly_customer_reports_cost_at_most_five_queries_per_sales_person(self):
        Report = self.env["kefu.customer.report"]
        made = []

        def make(count):
            users = self.env["res.users"].browse(
                [
                    # Told of his activity in his Odoo inbox; a person who chose
                    # e-mail pays Odoo's own mail composition (about 11 queries).
                    new_test_user(
                        self.env,
                        f"t_bounds_sales_{len(made)}_{i}",
                        groups="sales_team.group_sale_salesman",
                        notification_type="inbox",
                    ).id
                    for i in range(count)
                ]
            )
            made.append(users)
            return users

        def handled(users):
            reports = Report.search([("user_id", "in", users.ids), ("period", "=", "2027-03-01")])
            return len(reports) == len(users) and all(
                report.activity_ids.user_id == report.user_id for report in reports
            )

        self.assertBounded(
            make,
            lambda: self.as_cron("kefu.customer.report", activities=True)._cron_open_monthly(),
            handled,
        )


@tagged("post_install", "-at_install", "kefu", "kefu_base", "kefu_service_desk")
class TestResponseCronQueryBounds(CronBoundsMixin, KefuHelpdeskCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context={})

    def test_response_limits_cost_at_most_five_queries_per_ticket(self):
        activity_type = self.env.ref("kefu_management.mail_activity_type_kefu_response")
        # The note is written in the company's language.
        breached = kefu_shared_env(self.env)._(
            "The response limit was breached: no reply to the customer yet."
        )

        def make(count):
            return self.env["helpdesk.ticket"].browse(
                [
                    self.make_ticket(
                        user_id=self.agent.id,
                        kefu_enquiry_type_id=self.type_delivery.id,
                        kefu_contact_date=self.NOW - timedelta(hours=3),
                    ).id
                    for _i in range(count)
                ]
            )

        def handled(tickets):
            for ticket in tickets:
                users = ticket._kefu_response_responsibles()
                warnings = ticket.activity_ids.filtered(
                    lambda a: a.activity_type_id == activity_type
                )
                notes = ticket.message_ids.filtered(lambda m: breached in (m.body or ""))
                if not (
                    ticket.kefu_response_warned
                    and ticket.kefu_response_breached
                    and sorted(warnings.user_id.ids) == sorted(users.ids)
                    and len(warnings) == len(users)
                    and len(notes) == 1
                ):
                    return False
            return True

        self.assertBounded(
            make,
            lambda: self.as_cron("helpdesk.ticket", activities=True)._cron_kefu_response_limits(),
            handled,
        )

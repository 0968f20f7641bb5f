import datetime
import types
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from lxml import etree

from odoo import fields
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import KefuHelpdeskCase


class _BrowserDatetime(datetime.datetime):
    """``datetime.datetime`` as the web client's py.js evaluates a filter domain in a
    browser set to UTC: ``now()`` is the browser's wall clock, ``to_utc()`` converts it."""

    @classmethod
    def now(cls, tz=None):
        now = fields.Datetime.now()
        return cls(*now.timetuple()[:6])

    def to_utc(self):
        return self


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestSlaFilters(KefuHelpdeskCase):
    """Issue 15/9: "due in the next hour" and "overdue now" filters on the stored
    reply deadline (SVC-2), relative to the moment the filter is applied."""

    def filter_domain(self, name):
        arch = self.env["helpdesk.ticket"].get_views([(False, "search")])["views"]["search"]["arch"]
        node = etree.fromstring(arch).find(f".//filter[@name='{name}']")
        self.assertIsNotNone(node, f"the search view has the filter {name}")
        context = {
            "datetime": types.SimpleNamespace(
                datetime=_BrowserDatetime, time=datetime.time, timedelta=datetime.timedelta
            ),
            "relativedelta": relativedelta,
            "context_today": fields.Date.today,
            "uid": self.env.uid,
        }
        return safe_eval(node.get("domain"), context)

    def ticket_due_in(self, minutes, **values):
        ticket = self.make_ticket(name=f"Due in {minutes} min", **values)
        ticket.kefu_response_deadline = fields.Datetime.now() + timedelta(minutes=minutes)
        return ticket

    @freeze_time("2027-01-06 02:00:00")
    def test_due_in_the_next_hour(self):
        soon = self.ticket_due_in(30)
        edge = self.ticket_due_in(60)
        later = self.ticket_due_in(61)
        past = self.ticket_due_in(-5)
        answered = self.ticket_due_in(20)
        answered.kefu_first_reply_date = fields.Datetime.now()
        closed = self.ticket_due_in(10)
        closed.stage_id = self.stage_done
        tickets = soon | edge | later | past | answered | closed
        found = self.env["helpdesk.ticket"].search(
            [("id", "in", tickets.ids)] + self.filter_domain("kefu_due_soon")
        )
        self.assertEqual(found, soon | edge)

    @freeze_time("2027-01-06 02:00:00")
    def test_overdue_now_before_any_cron_flagged_it(self):
        soon = self.ticket_due_in(30)
        past = self.ticket_due_in(-5)
        answered = self.ticket_due_in(-20)
        answered.kefu_first_reply_date = fields.Datetime.now()
        self.assertFalse(past.kefu_response_breached, "no cron has run yet")
        tickets = soon | past | answered
        found = self.env["helpdesk.ticket"].search(
            [("id", "in", tickets.ids)] + self.filter_domain("kefu_overdue")
        )
        self.assertEqual(found, past)


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestSlaWidgetOnTicketViews(KefuHelpdeskCase):
    """Issue 15/9: the reply deadline shows as a live countdown on the ticket list,
    kanban and form; the complaint step is a status bar that cannot be clicked."""

    def arch(self, view_type):
        views = self.env["helpdesk.ticket"].with_user(self.agent).get_views([(False, view_type)])
        return etree.fromstring(views["views"][view_type]["arch"])

    def test_deadline_countdown_on_list_kanban_and_form(self):
        for view_type in ("list", "kanban", "form"):
            with self.subTest(view_type=view_type):
                nodes = self.arch(view_type).xpath(
                    "//field[@name='kefu_response_deadline'][@widget='kefu_deadline']"
                )
                self.assertTrue(nodes, f"the {view_type} view shows the countdown")

    def test_promised_resolution_counts_down_on_the_form(self):
        # CMP-1: the resolution promised to the customer; the clock stops at the result.
        nodes = self.arch("form").xpath(
            "//field[@name='kefu_promised_date'][@widget='kefu_deadline']"
        )
        self.assertEqual(len(nodes), 1)
        options = safe_eval(nodes[0].get("options") or "{}")
        self.assertEqual(options.get("done_fields"), ["kefu_resolved_date"])

    def test_complaint_step_is_a_status_bar_in_the_form_header(self):
        nodes = self.arch("form").xpath(
            "//header/field[@name='kefu_complaint_state'][@widget='statusbar']"
        )
        self.assertEqual(len(nodes), 1)
        options = safe_eval(nodes[0].get("options") or "{}")
        self.assertFalse(options.get("clickable"), "steps change only through the actions")
        self.assertTrue(nodes[0].get("readonly") in ("1", "True"))

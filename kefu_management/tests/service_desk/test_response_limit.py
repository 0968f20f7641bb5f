from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import KefuHelpdeskCase

ACTIVITY = "kefu_management.mail_activity_type_kefu_response"


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestResponseLimitDeadlines(KefuHelpdeskCase):
    # 2027-01-08 is a Friday; the calendar works Mon-Fri 08-12 and 13-17 (Shanghai).

    def test_default_limits_are_the_rulebook_values(self):
        get = self.env["kefu.settings"].get_value
        self.assertEqual(get("kefu_svc_email_minutes"), 24 * 60)
        self.assertEqual(get("kefu_svc_consultation_minutes"), 24 * 60)
        self.assertEqual(get("kefu_svc_complaint_minutes"), 24 * 60)
        self.assertEqual(get("kefu_svc_delivery_minutes"), 120)
        self.assertEqual(get("kefu_svc_shipping_doc_minutes"), 5)
        self.assertEqual(get("kefu_svc_franchise_minutes"), 30)

    def test_delivery_enquiry_on_friday_afternoon_is_due_monday(self):
        # SVC-2: 2 working hours, one on Friday and one on Monday morning.
        ticket = self.make_ticket(
            kefu_enquiry_type_id=self.type_delivery.id,
            kefu_contact_date=self.local(2027, 1, 8, 16, 0),
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 11, 9, 0))

    def test_public_holiday_is_skipped(self):
        self.add_holiday(date(2027, 1, 11), date(2027, 1, 11), "Holiday Monday")
        ticket = self.make_ticket(
            kefu_enquiry_type_id=self.type_delivery.id,
            kefu_contact_date=self.local(2027, 1, 8, 16, 0),
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 12, 9, 0))

    def test_make_up_day_counts_as_working_day(self):
        self.add_makeup(date(2027, 1, 9))
        ticket = self.make_ticket(
            kefu_enquiry_type_id=self.type_delivery.id,
            kefu_contact_date=self.local(2027, 1, 8, 16, 0),
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 9, 9, 0))

    def test_consultation_takes_three_working_days(self):
        ticket = self.make_ticket(
            kefu_enquiry_type_id=self.type_consultation.id,
            kefu_contact_date=self.local(2027, 1, 8, 16, 0),
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 13, 16, 0))

    def test_shipping_document_enquiry_at_closing_time(self):
        ticket = self.make_ticket(
            kefu_enquiry_type_id=self.type_shipping.id,
            kefu_contact_date=self.local(2027, 1, 8, 16, 58),
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 11, 8, 3))

    def test_clock_time_setting(self):
        self.env["res.config.settings"].create({"kefu_svc_time_basis": "clock"}).execute()
        ticket = self.make_ticket(
            kefu_enquiry_type_id=self.type_franchise.id,
            kefu_contact_date=self.local(2027, 1, 8, 16, 45),
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 8, 17, 15))

    def test_strictest_of_type_and_channel_wins(self):
        # An email (24 h) about a delivery time (2 h) is due in 2 h.
        ticket = self.make_ticket(
            channel_id=self.channel_email.id,
            kefu_enquiry_type_id=self.type_delivery.id,
            kefu_contact_date=self.local(2027, 1, 6, 9, 0),
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 6, 11, 0))
        ticket.kefu_enquiry_type_id = self.type_suggestion
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 11, 9, 0))

    def test_setting_change_applies_to_new_tickets(self):
        self.env["res.config.settings"].create({"kefu_svc_delivery_minutes": 60}).execute()
        ticket = self.make_ticket(
            kefu_enquiry_type_id=self.type_delivery.id,
            kefu_contact_date=self.local(2027, 1, 6, 9, 0),
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 6, 10, 0))

    def test_zero_or_negative_limits_are_refused(self):
        for bad in (0, -5):
            with self.assertRaises(ValidationError):
                self.env["res.config.settings"].create({"kefu_svc_delivery_minutes": bad})
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                self.env["kefu.enquiry.type"].create(
                    {
                        "name": "Warranty",
                        "kefu_has_response_limit": True,
                        "kefu_response_minutes": bad,
                    }
                )
        self.assertFalse(self.env["kefu.enquiry.type"].search([("name", "=", "Warranty")]))
        self.assertEqual(self.env["kefu.settings"].get_value("kefu_svc_delivery_minutes"), 120)

    def test_admin_added_type_with_own_limit(self):
        warranty = self.env["kefu.enquiry.type"].create(
            {"name": "Warranty", "kefu_has_response_limit": True, "kefu_response_minutes": 90}
        )
        ticket = self.make_ticket(
            kefu_enquiry_type_id=warranty.id, kefu_contact_date=self.local(2027, 1, 6, 9, 0)
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 6, 10, 30))


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestFirstReplyAndCron(KefuHelpdeskCase):
    def setUp(self):
        super().setUp()
        self.ticket = self.make_ticket(
            user=self.agent,
            user_id=self.agent.id,
            kefu_enquiry_type_id=self.type_delivery.id,
            kefu_contact_date=self.local(2027, 1, 6, 9, 0),
        )
        self.assertEqual(self.ticket.kefu_response_deadline, self.local(2027, 1, 6, 11, 0))

    def run_cron(self):
        self.env["helpdesk.ticket"]._cron_kefu_response_limits()

    def response_activities(self):
        return self.ticket.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(ACTIVITY)
        )

    def test_first_reply_by_email_stops_the_clock(self):
        with freeze_time(self.local(2027, 1, 6, 10, 0)):
            self.ticket.with_user(self.agent).message_post(  # pylint: disable=translation-required
                body="Your order leaves today.",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=self.customer.ids,
            )
        self.assertEqual(self.ticket.kefu_first_reply_date, datetime(2027, 1, 6, 2, 0))
        self.assertEqual(self.ticket.kefu_first_reply_user_id, self.agent)
        with freeze_time(self.local(2027, 1, 7, 10, 0)):
            self.run_cron()
        self.assertFalse(self.ticket.kefu_response_breached)

    def test_internal_note_is_not_a_reply(self):
        self.ticket.with_user(self.agent).message_post(  # pylint: disable=translation-required
            body="Checking with the warehouse.", subtype_xmlid="mail.mt_note"
        )
        self.assertFalse(self.ticket.kefu_first_reply_date)

    def test_first_reply_by_logged_phone_call(self):
        self.env["kefu.ticket.contact"].with_user(self.agent).create(
            {
                "ticket_id": self.ticket.id,
                "direction": "out",
                "date": self.local(2027, 1, 6, 10, 30),
                "name": "Zhang San",
                "number": "13800000000",
                "content": "Called back: delivery on Friday.",
            }
        )
        self.assertEqual(self.ticket.kefu_first_reply_date, self.local(2027, 1, 6, 10, 30))
        self.assertFalse(self.ticket.kefu_response_breached)

    def test_late_reply_is_flagged(self):
        self.env["kefu.ticket.contact"].with_user(self.agent).create(
            {
                "ticket_id": self.ticket.id,
                "direction": "out",
                "date": self.local(2027, 1, 6, 11, 30),
                "name": "Zhang San",
                "content": "Called back late.",
            }
        )
        self.assertTrue(self.ticket.kefu_response_breached)

    def test_warning_then_breach_cron_twice(self):
        # Default warning: 30 minutes before the deadline.
        with freeze_time(self.local(2027, 1, 6, 10, 0)):
            self.run_cron()
            self.run_cron()
        self.assertFalse(self.response_activities())
        with freeze_time(self.local(2027, 1, 6, 10, 35)):
            self.run_cron()
            self.run_cron()
        activities = self.response_activities()
        # The responsible agent and their Team Leader, once each.
        self.assertEqual(activities.user_id, self.agent | self.leader)
        self.assertEqual(len(activities), 2)
        self.assertTrue(self.ticket.kefu_response_warned)
        self.assertFalse(self.ticket.kefu_response_breached)
        with freeze_time(self.local(2027, 1, 6, 11, 1)):
            self.run_cron()
            messages = len(self.ticket.message_ids)
            self.run_cron()
        self.assertTrue(self.ticket.kefu_response_breached)
        self.assertEqual(len(self.ticket.message_ids), messages)
        self.assertEqual(len(self.response_activities()), 2)
        breached = self.env["helpdesk.ticket"].search([("kefu_response_breached", "=", True)])
        self.assertIn(self.ticket, breached)
        # The reply clears the reminders.
        self.ticket.with_user(self.agent).message_post(  # pylint: disable=translation-required
            body="Sorry for the wait.", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertFalse(self.response_activities())
        self.assertTrue(self.ticket.kefu_response_breached)

    def test_closed_or_answered_tickets_are_left_alone(self):
        self.ticket.stage_id = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")
        with freeze_time(self.local(2027, 1, 7, 10, 0)):
            self.run_cron()
        self.assertFalse(self.ticket.kefu_response_breached)
        self.assertFalse(self.response_activities())

import importlib.util
import os
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import KefuHelpdeskCase

ACTIVITY = "kefu_management.mail_activity_type_kefu_response"


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestResponseLimitDeadlines(KefuHelpdeskCase):
    # 2027-01-08 is a Friday; the calendar works Mon-Fri 08-12 and 13-17 (Shanghai).

    def set_settings(self, **values):
        self.env["res.config.settings"].create(values).execute()

    def test_default_limits_are_the_rulebook_values(self):
        # SVC-2: in the rulebook's own units, counted in elapsed time.
        get = self.env["kefu.settings"].get_value
        self.assertEqual(get("kefu_svc_email_hours"), 24)
        self.assertEqual(get("kefu_svc_consultation_hours"), 24)
        self.assertEqual(get("kefu_svc_complaint_hours"), 24)
        self.assertEqual(get("kefu_svc_delivery_hours"), 2)
        self.assertEqual(get("kefu_svc_shipping_doc_minutes"), 5)
        self.assertEqual(get("kefu_svc_franchise_minutes"), 30)
        for limit in (
            "email",
            "consultation",
            "complaint",
            "delivery",
            "shipping_doc",
            "franchise",
        ):
            self.assertEqual(get(f"kefu_svc_{limit}_basis"), "clock")

    def test_friday_afternoon_email_is_due_saturday_afternoon(self):
        # SVC-2: "最长不超过24小时" are 24 elapsed hours, not three working days.
        with freeze_time(self.local(2027, 1, 8, 16, 0)):
            ticket = self.make_ticket(
                channel_id=self.channel_email.id, kefu_enquiry_type_id=self.type_suggestion.id
            )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 9, 16, 0))

    def test_email_limit_in_working_time_when_chosen(self):
        # 24 working hours of a 8-hour calendar: 1 h on Friday, Monday, Tuesday, 7 h Wednesday.
        self.set_settings(kefu_svc_email_basis="working")
        with freeze_time(self.local(2027, 1, 8, 16, 0)):
            ticket = self.make_ticket(
                channel_id=self.channel_email.id, kefu_enquiry_type_id=self.type_suggestion.id
            )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 13, 16, 0))
        deadline = ticket.kefu_response_deadline
        self.assertAlmostEqual(
            self.wt.working_hours_between(self.local(2027, 1, 8, 16, 0), deadline), 24
        )

    def test_each_limit_has_its_own_time_basis(self):
        self.set_settings(kefu_svc_delivery_basis="working")
        start = self.local(2027, 1, 8, 16, 0)
        delivery = self.make_ticket(
            kefu_enquiry_type_id=self.type_delivery.id, kefu_contact_date=start
        )
        consultation = self.make_ticket(
            kefu_enquiry_type_id=self.type_consultation.id, kefu_contact_date=start
        )
        self.assertEqual(delivery.kefu_response_deadline, self.local(2027, 1, 11, 9, 0))
        self.assertEqual(consultation.kefu_response_deadline, self.local(2027, 1, 9, 16, 0))

    def test_settings_change_keeps_the_deadline_of_open_tickets(self):
        start = self.local(2027, 1, 8, 16, 0)
        ticket = self.make_ticket(
            kefu_enquiry_type_id=self.type_consultation.id, kefu_contact_date=start
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 9, 16, 0))
        self.env.flush_all()
        self.set_settings(kefu_svc_consultation_hours=2, kefu_svc_consultation_basis="working")
        ticket.invalidate_recordset()
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 9, 16, 0))
        later = self.make_ticket(
            kefu_enquiry_type_id=self.type_consultation.id, kefu_contact_date=start
        )
        self.assertEqual(later.kefu_response_deadline, self.local(2027, 1, 11, 9, 0))

    def test_hour_limits_out_of_bounds_are_refused(self):
        for bad in (0, -1, 100000):
            with self.subTest(bad=bad), self.assertRaises(ValidationError):
                self.set_settings(kefu_svc_email_hours=bad)
        self.assertEqual(self.env["kefu.settings"].get_value("kefu_svc_email_hours"), 24)

    def test_delivery_enquiry_on_friday_afternoon_is_due_monday(self):
        # SVC-2: 2 working hours, one on Friday and one on Monday morning.
        self.set_settings(kefu_svc_delivery_basis="working")
        ticket = self.make_ticket(
            kefu_enquiry_type_id=self.type_delivery.id,
            kefu_contact_date=self.local(2027, 1, 8, 16, 0),
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 11, 9, 0))

    def test_public_holiday_is_skipped(self):
        self.set_settings(kefu_svc_delivery_basis="working")
        self.add_holiday(date(2027, 1, 11), date(2027, 1, 11), "Holiday Monday")
        ticket = self.make_ticket(
            kefu_enquiry_type_id=self.type_delivery.id,
            kefu_contact_date=self.local(2027, 1, 8, 16, 0),
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 12, 9, 0))

    def test_make_up_day_counts_as_working_day(self):
        self.set_settings(kefu_svc_delivery_basis="working")
        self.add_makeup(date(2027, 1, 9))
        ticket = self.make_ticket(
            kefu_enquiry_type_id=self.type_delivery.id,
            kefu_contact_date=self.local(2027, 1, 8, 16, 0),
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 9, 9, 0))

    def test_consultation_in_working_time_takes_three_working_days(self):
        self.set_settings(kefu_svc_consultation_basis="working")
        ticket = self.make_ticket(
            kefu_enquiry_type_id=self.type_consultation.id,
            kefu_contact_date=self.local(2027, 1, 8, 16, 0),
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 13, 16, 0))

    def test_shipping_document_enquiry_at_closing_time(self):
        self.set_settings(kefu_svc_shipping_doc_basis="working")
        ticket = self.make_ticket(
            kefu_enquiry_type_id=self.type_shipping.id,
            kefu_contact_date=self.local(2027, 1, 8, 16, 58),
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 11, 8, 3))

    def test_franchise_callback_in_elapsed_time(self):
        ticket = self.make_ticket(
            kefu_enquiry_type_id=self.type_franchise.id,
            kefu_contact_date=self.local(2027, 1, 8, 16, 45),
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 8, 17, 15))

    def test_strictest_of_type_and_channel_wins(self):
        # An email (24 h) about a delivery time (2 h) is due in 2 h.
        self.set_settings(kefu_svc_email_basis="working", kefu_svc_delivery_basis="working")
        ticket = self.make_ticket(
            channel_id=self.channel_email.id,
            kefu_enquiry_type_id=self.type_delivery.id,
            kefu_contact_date=self.local(2027, 1, 6, 9, 0),
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 6, 11, 0))
        ticket.kefu_enquiry_type_id = self.type_suggestion
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 11, 9, 0))

    def test_setting_change_applies_to_new_tickets(self):
        self.set_settings(kefu_svc_delivery_hours=1)
        ticket = self.make_ticket(
            kefu_enquiry_type_id=self.type_delivery.id,
            kefu_contact_date=self.local(2027, 1, 6, 9, 0),
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 6, 10, 0))

    def test_zero_or_negative_limits_are_refused(self):
        for bad in (0, -5):
            with self.assertRaises(ValidationError):
                self.env["res.config.settings"].create({"kefu_svc_delivery_hours": bad})
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                self.env["kefu.enquiry.type"].create(
                    {
                        "name": "Warranty",
                        "kefu_has_response_limit": True,
                        "kefu_response_minutes": bad,
                    }
                )
        self.assertFalse(self.env["kefu.enquiry.type"].search([("name", "=", "Warranty")]))
        self.assertEqual(self.env["kefu.settings"].get_value("kefu_svc_delivery_hours"), 2)

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

    def test_note_to_the_customer_is_not_a_reply(self):
        # SVC-2: a note never reaches the customer, whoever is named in it.
        self.ticket.with_user(self.agent).message_post(  # pylint: disable=translation-required
            body="Customer seems upset.",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            partner_ids=self.customer.ids,
        )
        self.assertFalse(self.ticket.kefu_first_reply_date)

    def test_message_to_internal_followers_only_is_not_a_reply(self):
        self.ticket.message_subscribe(partner_ids=self.leader.partner_id.ids)
        self.ticket.with_user(self.agent).message_post(  # pylint: disable=translation-required
            body="Can you check the stock?",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.leader_b.partner_id.ids,
        )
        self.assertFalse(self.ticket.kefu_first_reply_date)
        self.assertFalse(self.ticket.kefu_first_reply_user_id)

    def test_message_reaching_the_customer_as_follower_is_a_reply(self):
        self.ticket.message_subscribe(partner_ids=self.customer.ids)
        with freeze_time(self.local(2027, 1, 6, 9, 30)):
            self.ticket.with_user(self.agent).message_post(  # pylint: disable=translation-required
                body="We are on it.", message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        self.assertEqual(self.ticket.kefu_first_reply_date, self.local(2027, 1, 6, 9, 30))

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
            body="Sorry for the wait.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.customer.ids,
        )
        self.assertFalse(self.response_activities())
        self.assertTrue(self.ticket.kefu_response_breached)

    def test_closed_or_answered_tickets_are_left_alone(self):
        self.ticket.stage_id = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")
        with freeze_time(self.local(2027, 1, 7, 10, 0)):
            self.run_cron()
        self.assertFalse(self.ticket.kefu_response_breached)
        self.assertFalse(self.response_activities())


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestResponseLimitMigration(KefuHelpdeskCase):
    """SVC-2: 18.0.1.2.0 stores the limits in hours, one time basis per limit."""

    def migrate(self):
        path = os.path.join(
            os.path.dirname(__file__),
            "..",
            "..",
            "migrations",
            "18.0.1.2.0",
            "post-migrate-svc-limits.py",
        )
        spec = importlib.util.spec_from_file_location("kefu_svc_limits_migration", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "18.0.1.1.0")
        self.env.invalidate_all()

    def test_minutes_become_hours_and_open_tickets_keep_their_deadline(self):
        ICP = self.env["ir.config_parameter"].sudo()
        ICP.set_param("kefu_management.svc_delivery_minutes", "90")
        ICP.set_param("kefu_management.svc_time_basis", "working")
        self.type_delivery.kefu_limit_setting = "kefu_svc_delivery_minutes"
        ticket = self.make_ticket(
            kefu_enquiry_type_id=self.type_delivery.id,
            kefu_contact_date=self.local(2027, 1, 8, 16, 0),
        )
        ticket.kefu_response_deadline = self.local(2027, 1, 11, 9, 30)
        self.env.flush_all()
        self.migrate()
        self.assertEqual(ICP.get_param("kefu_management.svc_delivery_hours"), "1.5")
        self.assertFalse(ICP.get_param("kefu_management.svc_delivery_minutes"))
        self.assertFalse(ICP.get_param("kefu_management.svc_time_basis"))
        self.assertEqual(self.type_delivery.kefu_limit_setting, "kefu_svc_delivery_hours")
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 11, 9, 30))
        later = self.make_ticket(
            kefu_enquiry_type_id=self.type_delivery.id,
            kefu_contact_date=self.local(2027, 1, 8, 16, 0),
        )
        self.assertEqual(later.kefu_response_deadline, self.local(2027, 1, 8, 17, 30))

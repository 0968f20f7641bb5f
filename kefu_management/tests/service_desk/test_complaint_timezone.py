from freezegun import freeze_time

from odoo.tests import tagged

from .common import KefuHelpdeskCase


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestComplaintTimezone(KefuHelpdeskCase):
    """CMP-1: the promise mailed to the customer is in the customer's time zone and
    language, whatever the working calendar's time zone."""

    def setUp(self):
        super().setUp()
        frozen = freeze_time(self.local(2027, 1, 6, 9, 0))
        frozen.start()
        self.addCleanup(frozen.stop)
        # The server and the calendar on UTC: only the customer is in Beijing.
        self.calendar.tz = "UTC"
        self.customer.write({"tz": "Asia/Shanghai", "lang": "zh_CN"})
        self.complaint = self.make_ticket(
            user=self.agent,
            user_id=self.agent.id,
            name="Broken table delivered",
            kefu_enquiry_type_id=self.type_complaint.id,
            kefu_contact_date=self.local(2027, 1, 6, 9, 0),
        )

    def accept(self):
        # The agent works in English; the promise is 17:00 Beijing time (09:00 UTC).
        self.agent.lang = "en_US"
        complaint = self.complaint.with_user(self.agent).with_context(lang="en_US")
        complaint.write(
            {
                "kefu_solution_options": "Replace the table or refund.",
                "kefu_promised_date": self.local(2027, 1, 8, 17, 0),
            }
        )
        complaint.action_kefu_accept_complaint()
        return self.complaint.message_ids.filtered(lambda m: "2027-01-08" in str(m.body))

    def test_promise_in_the_customers_time_zone_and_language(self):
        mail = self.accept()
        self.assertEqual(len(mail), 1)
        self.assertIn("2027-01-08 17:00", str(mail.body))
        self.assertNotIn("09:00", str(mail.body))
        self.assertIn("我们承诺在", str(mail.body))

    def test_customer_without_time_zone_gets_the_calendar_one(self):
        self.customer.tz = False
        self.calendar.tz = "Asia/Shanghai"
        mail = self.accept()
        self.assertIn("2027-01-08 17:00", str(mail.body))

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from ..service_desk.common import KefuHelpdeskCase


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestDeadlineRecompute(KefuHelpdeskCase):
    """Open deadlines follow the company calendar: its time zone, hours, public
    holidays and make-up days (one dispatcher, every deadline-owning model)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # One working day (8 working hours) to reply, on a channel without a limit.
        cls.type_warranty = cls.env["kefu.enquiry.type"].create(
            {
                "name": "Warranty question",
                "kefu_has_response_limit": True,
                "kefu_response_minutes": 480,
                "kefu_time_basis": "working",
            }
        )
        cls.channel_letter = cls.env["helpdesk.ticket.channel"].create({"name": "Letter"})

    def frozen(self, moment):
        freezer = freeze_time(moment)
        freezer.start()
        self.addCleanup(freezer.stop)

    def ticket(self, contact):
        return self.make_ticket(
            kefu_enquiry_type_id=self.type_warranty.id,
            channel_id=self.channel_letter.id,
            kefu_contact_date=contact,
        )

    def test_ticket_due_on_a_new_public_holiday_moves_to_the_next_working_day(self):
        self.frozen(self.local(2027, 1, 4, 10, 0))  # Monday
        ticket = self.ticket(self.local(2027, 1, 4, 10, 0))
        replied = self.ticket(self.local(2027, 1, 4, 10, 0))
        replied.kefu_first_reply_date = self.local(2027, 1, 4, 10, 30)
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 5, 10, 0))
        holiday = self.add_holiday(date(2027, 1, 5), date(2027, 1, 5), name="Company day")
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 6, 10, 0))
        self.assertEqual(
            replied.kefu_response_deadline, self.local(2027, 1, 5, 10, 0), "answered: unchanged"
        )
        # The holiday moved to Thursday, back to Tuesday, then removed.
        holiday.write(
            {"date_from": self.local(2027, 1, 7, 0, 0), "date_to": self.local(2027, 1, 7, 23, 59)}
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 5, 10, 0))
        holiday.write(
            {"date_from": self.local(2027, 1, 5, 0, 0), "date_to": self.local(2027, 1, 5, 23, 59)}
        )
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 6, 10, 0))
        holiday.unlink()
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 5, 10, 0))

    def test_make_up_day_brings_the_deadline_forward(self):
        self.frozen(self.local(2027, 1, 8, 10, 0))  # Friday
        ticket = self.ticket(self.local(2027, 1, 8, 10, 0))
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 11, 10, 0))
        makeup = self.add_makeup(date(2027, 1, 9))  # Saturday worked
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 9, 10, 0))
        makeup.unlink()
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 11, 10, 0))

    def test_time_zone_and_hours_of_the_calendar(self):
        self.frozen(self.local(2027, 1, 4, 10, 0))  # Monday 10:00 Beijing, 03:00 Berlin
        ticket = self.ticket(self.local(2027, 1, 4, 10, 0))
        closed = self.ticket(self.local(2027, 1, 4, 10, 0))
        closed.stage_id = self.stage_done
        self.assertEqual(
            (ticket | closed).mapped("kefu_response_deadline"), [self.local(2027, 1, 5, 10, 0)] * 2
        )
        self.env["res.config.settings"].create({"kefu_calendar_tz": "Europe/Berlin"}).execute()
        # Working from 08:00 Berlin: eight hours later is 17:00 Berlin the same day.
        self.assertEqual(
            ticket.kefu_response_deadline, self.local(2027, 1, 4, 17, 0, tz="Europe/Berlin")
        )
        self.assertEqual(closed.kefu_response_deadline, self.local(2027, 1, 5, 10, 0))
        # No more work on Monday afternoons: 08:00-12:00 Monday, then Tuesday morning.
        self.calendar.attendance_ids.filtered(
            lambda a: a.dayofweek == "0" and a.day_period == "afternoon"
        ).unlink()
        self.assertEqual(
            ticket.kefu_response_deadline, self.local(2027, 1, 5, 12, 0, tz="Europe/Berlin")
        )

    def test_another_company_calendar_in_settings(self):
        self.frozen(self.local(2027, 1, 4, 10, 0))  # Monday
        ticket = self.ticket(self.local(2027, 1, 4, 10, 0))
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 5, 10, 0))
        # The same hours with Tuesday a holiday.
        other = self.calendar.copy({"name": "With company day"})
        self.add_holiday(date(2027, 1, 5), date(2027, 1, 5), calendar=other)
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 5, 10, 0))
        self.env["res.config.settings"].create({"kefu_calendar_id": other.id}).execute()
        self.assertEqual(ticket.kefu_response_deadline, self.local(2027, 1, 6, 10, 0))

    def test_open_customer_data_form_follows_a_new_holiday(self):
        self.frozen(self.local(2026, 11, 20, 16, 0))
        partner = self.env["res.partner"].create({"name": "Form Co.", "is_company": True})
        form = self.env["kefu.archive.form"].create(
            {"partner_id": partner.id, "contract_signed_on": self.local(2026, 11, 20, 15, 0)}
        )
        # ARC-2: three working days, Mon-Wed: due Wednesday 15:00.
        self.assertEqual(form.form_due, self.local(2026, 11, 25, 15, 0))
        self.add_holiday(date(2026, 11, 24), date(2026, 11, 24))
        self.assertEqual(form.form_due, self.local(2026, 11, 26, 15, 0))

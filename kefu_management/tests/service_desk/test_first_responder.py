from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import KefuHelpdeskCase


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestFirstResponder(KefuHelpdeskCase):
    def test_agent_taking_the_call_is_pinned_and_kept_after_handover(self):
        # SVC-1
        ticket = self.make_ticket(user=self.agent)
        self.assertEqual(ticket.kefu_first_responder_id, self.agent)
        self.env["kefu.ticket.handover"].with_user(self.agent).create(
            {"ticket_id": ticket.id, "to_user_id": self.leader.id, "reason": "Needs a refund"}
        )
        self.assertEqual(ticket.user_id, self.leader)
        self.assertEqual(ticket.kefu_first_responder_id, self.agent)
        self.assertEqual(ticket.kefu_handover_ids.reason, "Needs a refund")
        self.assertEqual(ticket.kefu_handover_ids.from_user_id, self.agent)
        ticket.with_user(self.leader).user_id = self.agent_b
        self.assertEqual(ticket.kefu_first_responder_id, self.agent)

    def test_ticket_from_the_mail_gateway_is_pinned_on_assignment(self):
        ticket = self.make_ticket(channel_id=self.channel_email.id)
        self.assertFalse(ticket.kefu_first_responder_id)
        ticket.user_id = self.agent
        self.assertEqual(ticket.kefu_first_responder_id, self.agent)
        ticket.user_id = self.leader
        self.assertEqual(ticket.kefu_first_responder_id, self.agent)

    def test_agent_still_sees_a_ticket_handed_to_another_team(self):
        ticket = self.make_ticket(user=self.agent)
        ticket.write({"team_id": self.team_b.id, "user_id": self.agent_b.id})
        ticket.message_unsubscribe(self.agent.partner_id.ids)
        visible = self.env["helpdesk.ticket"].with_user(self.agent).search([("id", "=", ticket.id)])
        self.assertEqual(visible, ticket)

    def test_handover_to_oneself_is_refused_and_nothing_written(self):
        ticket = self.make_ticket(user=self.agent, user_id=self.agent.id)
        with self.assertRaises(ValidationError):
            self.env["kefu.ticket.handover"].with_user(self.agent).create(
                {"ticket_id": ticket.id, "to_user_id": self.agent.id, "reason": "Me again"}
            )
        self.assertFalse(ticket.kefu_handover_ids)
        self.assertEqual(ticket.user_id, self.agent)

    def test_major_matter_notifies_the_general_manager(self):
        ticket = self.make_ticket(user=self.agent)
        ticket.with_user(self.agent).kefu_major_matter = True
        message = ticket.message_ids.filtered(lambda m: "Major matter" in (m.body or ""))
        self.assertEqual(len(message), 1)
        self.assertIn(self.general_manager.partner_id, message.partner_ids)

    def test_second_contact_and_the_report(self):
        once = self.make_ticket(user=self.agent)
        twice = self.make_ticket(user=self.agent)
        self.env["kefu.ticket.contact"].with_user(self.agent).create(
            {
                "ticket_id": twice.id,
                "direction": "in",
                "name": "Zhang San",
                "number": "13800000000",
                "content": "Calling again: nobody answered.",
            }
        )
        self.assertEqual(once.kefu_customer_contact_count, 1)
        self.assertEqual(twice.kefu_customer_contact_count, 2)
        self.assertFalse(twice.kefu_first_reply_date, "an incoming call is no reply")
        groups = self.env["helpdesk.ticket"].read_group(
            [("id", "in", (once | twice).ids)],
            ["kefu_second_contact:sum"],
            ["kefu_first_responder_id"],
        )
        self.assertEqual(groups[0]["kefu_first_responder_id"][0], self.agent.id)
        self.assertEqual(groups[0]["kefu_first_responder_id_count"], 2)
        self.assertEqual(groups[0]["kefu_second_contact"], 1)

    def test_customer_email_reply_counts_as_second_contact(self):
        ticket = self.make_ticket(channel_id=self.channel_email.id)
        ticket.message_update({"email_from": "zhang@example.com", "subject": "Any news?"})
        self.assertEqual(ticket.kefu_customer_contact_count, 2)

    def test_holiday_ticket_goes_to_the_agent_on_duty(self):
        # SVC-6
        self.add_holiday(date(2027, 2, 8), date(2027, 2, 8), "Spring Festival")
        self.env["kefu.duty.roster"].create({"date": date(2027, 2, 8), "user_id": self.agent_b.id})
        self.env["kefu.duty.roster"].create(
            {"date": date(2027, 2, 8), "user_id": self.agent.id, "team_id": self.team.id}
        )
        on_holiday = self.make_ticket(kefu_contact_date=self.local(2027, 2, 8, 10, 0))
        self.assertEqual(on_holiday.user_id, self.agent)
        self.assertEqual(on_holiday.kefu_first_responder_id, self.agent)
        other_team = self.make_ticket(
            team_id=self.team_b.id, kefu_contact_date=self.local(2027, 2, 8, 10, 0)
        )
        self.assertEqual(other_team.user_id, self.agent_b)
        working_day = self.make_ticket(kefu_contact_date=self.local(2027, 2, 9, 10, 0))
        self.assertNotIn(working_day.user_id, self.agent | self.agent_b)

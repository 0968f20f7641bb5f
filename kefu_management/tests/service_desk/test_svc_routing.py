from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import KefuHelpdeskCase

ACTIVITY = "kefu_management.mail_activity_type_kefu_response"


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestSvcRouting(KefuHelpdeskCase):
    """SVC-2: a franchise enquiry gets a specialist's call-back within 30 minutes (the
    specialist notified by an activity due at the deadline, in his language); a large
    wholesale lead goes to the superior. 2027-01-08 is a Friday; the calendar works
    Mon-Fri 08-12 and 13-17 (Shanghai)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.specialist = new_test_user(
            cls.env, "t_franchise", groups="kefu_management.group_kefu_agent", lang="zh_CN"
        )
        cls.superior = new_test_user(
            cls.env, "t_superior", groups="kefu_management.group_kefu_manager"
        )
        cls.type_wholesale = cls.env.ref("kefu_management.kefu_enquiry_type_wholesale")

    def set_settings(self, **values):
        self.env["res.config.settings"].create(values).execute()

    def activities(self, ticket, user):
        return ticket.activity_ids.filtered(lambda a: a.user_id == user)

    def test_franchise_specialist_calls_back_within_30_minutes(self):
        self.set_settings(kefu_svc_franchise_user_id=self.specialist.id)
        with freeze_time(self.local(2027, 1, 8, 16, 50)):
            ticket = self.make_ticket(user=self.agent, kefu_enquiry_type_id=self.type_franchise.id)
        self.assertEqual(ticket.kefu_route, "franchise")
        self.assertEqual(ticket.kefu_routed_user_id, self.specialist)
        # Elapsed time by default: 17:20 the same Friday, after working hours.
        self.assertEqual(ticket.kefu_route_deadline, self.local(2027, 1, 8, 17, 20))
        activity = self.activities(ticket, self.specialist)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.activity_type_id, self.env.ref(ACTIVITY))
        self.assertEqual(str(activity.date_deadline), "2027-01-08")
        self.assertIn("17:20", activity.summary)
        self.assertIn("回电", activity.summary, "in the specialist's language")
        self.assertIn(self.specialist.partner_id, ticket.message_partner_ids)

    def test_franchise_limit_in_working_time_when_chosen(self):
        self.set_settings(
            kefu_svc_franchise_user_id=self.specialist.id, kefu_svc_franchise_basis="working"
        )
        with freeze_time(self.local(2027, 1, 8, 16, 50)):
            ticket = self.make_ticket(kefu_enquiry_type_id=self.type_franchise.id)
        # 10 working minutes on Friday, 20 on Monday.
        self.assertEqual(ticket.kefu_route_deadline, self.local(2027, 1, 11, 8, 20))
        self.assertEqual(str(self.activities(ticket, self.specialist).date_deadline), "2027-01-11")

    def test_franchise_call_back_closes_the_specialist_activity(self):
        self.set_settings(kefu_svc_franchise_user_id=self.specialist.id)
        with freeze_time(self.local(2027, 1, 8, 10, 0)):
            ticket = self.make_ticket(kefu_enquiry_type_id=self.type_franchise.id)
        with freeze_time(self.local(2027, 1, 8, 10, 20)):
            ticket.with_user(self.specialist).message_post(  # pylint: disable=translation-required
                body="我们会尽快给您回电。",
                partner_ids=self.customer.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self.assertFalse(self.activities(ticket, self.specialist))
        self.assertFalse(ticket.kefu_response_breached)

    def test_breach_warning_adds_no_second_activity_for_the_specialist(self):
        self.set_settings(kefu_svc_franchise_user_id=self.specialist.id)
        with freeze_time(self.local(2027, 1, 8, 10, 0)):
            ticket = self.make_ticket(user=self.agent, kefu_enquiry_type_id=self.type_franchise.id)
        with freeze_time(self.local(2027, 1, 8, 10, 5)):
            self.env["helpdesk.ticket"]._cron_kefu_response_limits()
        self.assertTrue(ticket.kefu_response_warned)
        self.assertEqual(len(self.activities(ticket, self.specialist)), 1)
        self.assertEqual(len(self.activities(ticket, self.agent)), 1, "the agent is warned")

    def test_franchise_without_specialist_goes_to_a_cs_manager(self):
        with freeze_time(self.local(2027, 1, 8, 10, 0)):
            ticket = self.make_ticket(kefu_enquiry_type_id=self.type_franchise.id)
        managers = self.env.ref("kefu_management.group_kefu_manager").users
        self.assertIn(ticket.kefu_routed_user_id, managers)
        self.assertTrue(self.activities(ticket, ticket.kefu_routed_user_id))

    def test_large_wholesale_lead_goes_to_the_superior(self):
        self.set_settings(kefu_svc_wholesale_user_id=self.superior.id)
        with freeze_time(self.local(2027, 1, 8, 10, 0)):
            ticket = self.make_ticket(
                user=self.agent,
                kefu_enquiry_type_id=self.type_wholesale.id,
                kefu_lead_amount=100000,
            )
        self.assertEqual(ticket.kefu_route, "wholesale")
        self.assertEqual(ticket.kefu_routed_user_id, self.superior)
        activity = self.activities(ticket, self.superior)
        self.assertEqual(len(activity), 1)
        self.assertEqual(str(activity.date_deadline), "2027-01-08", "at once")

    def test_small_wholesale_lead_stays_with_the_agent(self):
        self.set_settings(kefu_svc_wholesale_user_id=self.superior.id)
        with freeze_time(self.local(2027, 1, 8, 10, 0)):
            ticket = self.make_ticket(
                user=self.agent, kefu_enquiry_type_id=self.type_wholesale.id, kefu_lead_amount=5000
            )
        self.assertFalse(ticket.kefu_route)
        self.assertFalse(ticket.kefu_routed_user_id)
        self.assertFalse(self.activities(ticket, self.superior))
        # The amount corrected upwards: now a large lead, routed once.
        ticket.with_user(self.agent).kefu_lead_amount = 200000
        ticket.with_user(self.agent).kefu_lead_amount = 300000
        self.assertEqual(ticket.kefu_routed_user_id, self.superior)
        self.assertEqual(len(self.activities(ticket, self.superior)), 1)

    def test_large_threshold_is_a_setting(self):
        self.assertEqual(self.env["kefu.settings"].get_value("kefu_svc_wholesale_amount"), 100000)
        self.set_settings(
            kefu_svc_wholesale_amount=5000, kefu_svc_wholesale_user_id=self.superior.id
        )
        ticket = self.make_ticket(
            kefu_enquiry_type_id=self.type_wholesale.id, kefu_lead_amount=5000
        )
        self.assertEqual(ticket.kefu_routed_user_id, self.superior)

    def test_large_threshold_bounds(self):
        self.set_settings(kefu_svc_wholesale_amount=5000)
        for bad in (0, -1, 2_000_000_000):
            with self.assertRaises(ValidationError):
                self.set_settings(kefu_svc_wholesale_amount=bad)
        self.assertEqual(self.env["kefu.settings"].get_value("kefu_svc_wholesale_amount"), 5000)

    def test_agent_cannot_write_the_routed_person(self):
        # Integrity: the routed responsible person, route and deadline change only
        # through the routing itself.
        self.set_settings(kefu_svc_franchise_user_id=self.specialist.id)
        ticket = self.make_ticket(user=self.agent, kefu_enquiry_type_id=self.type_franchise.id)
        deadline = ticket.kefu_route_deadline
        for vals in (
            {"kefu_routed_user_id": self.agent.id},
            {"kefu_route_deadline": "2030-01-01 00:00:00"},
            {"kefu_route": False},
        ):
            with self.assertRaises(AccessError):
                ticket.with_user(self.agent).write(vals)
        ticket.invalidate_recordset()
        self.assertEqual(ticket.kefu_routed_user_id, self.specialist)
        self.assertEqual(ticket.kefu_route_deadline, deadline)
        self.assertEqual(ticket.kefu_route, "franchise")
        with self.assertRaises(AccessError):
            self.make_ticket(user=self.agent, kefu_routed_user_id=self.agent.id)

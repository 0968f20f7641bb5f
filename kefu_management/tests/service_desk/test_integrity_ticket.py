"""Issue 12's rule on service-desk tickets: the complaint step, the deadlines and
promises, the breach flags and the people who signed a step change only through the
ticket's actions (CMP-1 ... CMP-6, SVC-2). Each test does the forbidden write as
the agent and checks that the refusal left the database as it was."""

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from ..common import KefuRpcMixin
from .common import KefuHelpdeskCase

GUARDED = "change only through the document's own actions"
GUARDED_ZH = "只能通过单据自身的操作"
ZH = {"lang": "zh_CN"}

# Always guarded: only the actions, the compute and the cron set them.
ALWAYS_GUARDED = {
    "kefu_complaint_state": "archived",
    "kefu_response_deadline": "2036-01-01 00:00:00",
    "kefu_accepted_date": "2027-01-06 01:00:00",
    "kefu_resolved_date": "2027-01-06 01:00:00",
    "kefu_archived_date": "2027-01-06 01:00:00",
    "kefu_promise_missed": True,
    "kefu_complaint_escalated": True,
    "kefu_first_reply_date": "2027-01-06 01:00:00",
    "kefu_response_warned": True,
    "kefu_response_breached": True,
}
SNAPSHOT = [
    *ALWAYS_GUARDED,
    "kefu_promised_date",
    "kefu_accepted_user_id",
    "kefu_first_reply_user_id",
    "kefu_callback_date",
    "kefu_callback_user_id",
]


class KefuTicketAttackCase(KefuHelpdeskCase):
    freeze = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))

    def setUp(self):
        super().setUp()
        if self.freeze:
            frozen = freeze_time(self.local(2027, 1, 6, 9, 0))
            frozen.start()
            self.addCleanup(frozen.stop)
        self.complaint = self.make_ticket(
            user=self.agent,
            user_id=self.agent.id,
            name="Broken table delivered",
            kefu_enquiry_type_id=self.type_complaint.id,
            kefu_contact_date=self.local(2027, 1, 6, 9, 0),
        )

    def accept(self):
        self.complaint.with_user(self.agent).write(
            {
                "kefu_solution_options": "Replace the table or refund.",
                "kefu_promised_date": self.local(2027, 1, 8, 17, 0),
            }
        )
        self.complaint.with_user(self.agent).action_kefu_accept_complaint()

    def snapshot(self, ticket):
        self.env.flush_all()
        ticket.invalidate_recordset()
        return ticket.read(SNAPSHOT)


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestIntegrityTicketFields(KefuTicketAttackCase):
    def test_agent_cannot_write_step_deadline_or_flags(self):
        before = self.snapshot(self.complaint)
        self.assertTrue(before[0]["kefu_response_deadline"])
        for name, value in ALWAYS_GUARDED.items():
            with self.subTest(field=name), self.assertRaisesRegex(AccessError, GUARDED):
                self.complaint.with_user(self.agent).write({name: value})
        self.assertEqual(self.snapshot(self.complaint), before)

    def test_agent_cannot_sign_steps_for_someone_else(self):
        for name in ("kefu_accepted_user_id", "kefu_first_reply_user_id"):
            with self.subTest(field=name), self.assertRaisesRegex(AccessError, GUARDED):
                self.complaint.with_user(self.agent).write({name: self.agent_b.id})
        self.assertFalse(self.complaint.kefu_accepted_user_id)

    def test_agent_cannot_choose_the_first_responder(self):
        # SVC-1: pinned by the system to whoever took the contact.
        self.assertEqual(self.complaint.kefu_first_responder_id, self.agent)
        for vals in (
            {"kefu_first_responder_id": self.agent_b.id},
            {"kefu_first_handled_date": "2027-01-01 01:00:00"},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(AccessError, GUARDED):
                self.complaint.with_user(self.agent).write(vals)
        self.assertEqual(self.complaint.kefu_first_responder_id, self.agent)

    def test_agent_cannot_create_a_ticket_already_past_its_steps(self):
        for name, value in ALWAYS_GUARDED.items():
            with self.subTest(field=name), self.assertRaisesRegex(AccessError, GUARDED):
                self.make_ticket(user=self.agent, name="Forged", **{name: value})
        self.assertFalse(self.env["helpdesk.ticket"].search([("name", "=", "Forged")]))

    def test_promise_is_fixed_once_accepted(self):
        # CMP-1: before acceptance the agent agrees the promise with the customer.
        self.accept()
        self.assertEqual(self.complaint.kefu_complaint_state, "accepted")
        before = self.snapshot(self.complaint)
        with self.assertRaisesRegex(AccessError, GUARDED):
            self.complaint.with_user(self.agent).write(
                {"kefu_promised_date": self.local(2027, 2, 1, 17, 0)}
            )
        self.assertEqual(self.snapshot(self.complaint), before)

    def test_callback_is_fixed_once_recorded(self):
        self.accept()
        complaint = self.complaint.with_user(self.agent)
        complaint.write(
            {
                "kefu_justified": "yes",
                "kefu_demand_reasonable": "yes",
                "kefu_complaint_category_id": self.env.ref(
                    "kefu_management.kefu_complaint_category_quality"
                ).id,
                "kefu_complaint_result": "A new table on Friday.",
            }
        )
        complaint.action_kefu_judge_complaint()
        complaint.action_kefu_send_result()
        complaint.kefu_callback_outcome = "Satisfied."
        complaint.action_kefu_callback_done()
        self.assertEqual(self.complaint.kefu_complaint_state, "callback_done")
        self.assertEqual(self.complaint.kefu_accepted_user_id, self.agent)
        before = self.snapshot(self.complaint)
        for vals in (
            {"kefu_callback_user_id": self.agent_b.id},
            {"kefu_callback_date": "2027-03-01 01:00:00"},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(AccessError, GUARDED):
                complaint.write(vals)
        self.assertEqual(self.snapshot(self.complaint), before)

    def test_agent_of_another_team_cannot_move_the_complaint(self):
        # The actions write as superuser: they first check the agent's own access.
        self.complaint.write(
            {
                "kefu_solution_options": "Replace the table or refund.",
                "kefu_promised_date": self.local(2027, 1, 8, 17, 0),
            }
        )
        before = self.snapshot(self.complaint)
        with self.assertRaises(AccessError):
            self.complaint.with_user(self.agent_b).action_kefu_accept_complaint()
        self.assertEqual(self.snapshot(self.complaint), before)

    def test_actions_still_move_the_complaint(self):
        # The actions write the guarded fields for the agent.
        self.accept()
        self.assertEqual(self.complaint.kefu_complaint_state, "accepted")
        self.assertEqual(self.complaint.kefu_accepted_user_id, self.agent)
        self.assertEqual(self.complaint.kefu_first_reply_user_id, self.agent)


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestIntegrityTicketRpc(KefuRpcMixin, HttpCase, KefuTicketAttackCase):
    """The same attacks through JSON-RPC, as an outside client sends them."""

    freeze = False  # the HTTP server thread keeps the real clock

    def test_rpc_agent_cannot_write_step_deadline_or_flags(self):
        before = self.snapshot(self.complaint)
        login = self.agent.login
        for vals in (
            {"kefu_complaint_state": "archived"},
            {"kefu_response_deadline": "2036-01-01 00:00:00"},
            {"kefu_response_breached": True},
            {"kefu_promise_missed": True},
            {"kefu_accepted_user_id": self.agent_b.id},
        ):
            self.assertRpcRefused(
                login,
                "helpdesk.ticket",
                "write",
                self.complaint.ids,
                vals,
                message=GUARDED_ZH,
                context=ZH,
            )
        self.assertEqual(self.snapshot(self.complaint), before)

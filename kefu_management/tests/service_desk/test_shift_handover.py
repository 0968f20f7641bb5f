from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import KefuHelpdeskCase


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestShiftHandover(KefuHelpdeskCase):
    def new_handover(self, next_user):
        return (
            self.env["kefu.shift.handover"]
            .with_user(self.agent)
            .create(
                {
                    "shift_start": self.local(2027, 1, 6, 8, 0),
                    "shift_end": self.local(2027, 1, 6, 17, 0),
                    "next_user_id": next_user.id,
                }
            )
        )

    def test_open_matters_are_handed_over_and_acknowledged(self):
        # SVC-5
        ticket = self.make_ticket(user=self.agent, user_id=self.agent.id)
        handover = self.new_handover(self.leader)
        handover.action_load_open_tickets()
        self.assertIn(ticket, handover.line_ids.ticket_id)
        with self.assertRaises(UserError):
            handover.action_hand_over()
        self.assertEqual(handover.state, "draft")
        handover.line_ids.write({"process": "Waiting for the warehouse."})
        handover.action_hand_over()
        self.assertEqual(handover.state, "handed_over")
        self.assertEqual(handover.activity_ids.user_id, self.leader)
        with self.assertRaises(UserError):
            handover.with_user(self.agent_b).action_acknowledge()
        handover.with_user(self.leader).action_acknowledge()
        self.assertEqual(handover.state, "acknowledged")
        self.assertTrue(handover.acknowledged_date)

    def test_handover_to_oneself_is_refused(self):
        with self.assertRaises(ValidationError):
            self.new_handover(self.agent)
        self.assertFalse(self.env["kefu.shift.handover"].search([("user_id", "=", self.agent.id)]))

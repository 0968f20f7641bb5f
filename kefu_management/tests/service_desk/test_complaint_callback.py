from odoo.tests import tagged

from ..callback.common import KefuCallbackCase

COMPLAINT_QUESTIONS = (
    "kefu_management.kefu_callback_question_complaint_01",
    "kefu_management.kefu_callback_question_complaint_02",
    "kefu_management.kefu_callback_question_complaint_03",
    "kefu_management.kefu_callback_question_complaint_04",
)


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestComplaintCallback(KefuCallbackCase):
    """CMP-5: one callback record per complaint, with its own short question set."""

    def setUp(self):
        super().setUp()
        self.frozen(self.local(2027, 6, 14, 10, 0))
        self.complaint = self.make_ticket(
            user_id=self.agent.id, name="Broken rail", kefu_enquiry_type_id=self.type_complaint.id
        )
        self.complaint.write(
            {
                "kefu_complaint_state": "result_sent",
                "kefu_resolved_date": self.local(2027, 6, 14, 10, 0),
                "kefu_complaint_result": "Rail replaced.",
            }
        )

    def complaint_questions(self):
        return self.env["kefu.callback.question"].browse(
            [self.env.ref(xmlid).id for xmlid in COMPLAINT_QUESTIONS]
        )

    def record_on_the_ticket(self):
        ticket = self.complaint.with_user(self.agent)
        ticket.kefu_callback_outcome = "Happy with the new rail."
        ticket.action_kefu_callback_done()

    def test_recording_on_the_ticket_completes_the_planned_callback(self):
        self.Planner._cron_kefu_callback_plan()
        planned = self.complaint.kefu_callback_ids
        self.assertEqual(len(planned), 1)
        self.assertEqual(planned.state, "planned")
        self.frozen(self.local(2027, 6, 15, 10, 4))
        self.record_on_the_ticket()
        self.assertEqual(self.complaint.kefu_complaint_state, "callback_done")
        callback = self.complaint.kefu_callback_ids
        self.assertEqual(callback, planned, "no second callback record")
        self.assertEqual(callback.state, "done")
        self.assertEqual(callback.outcome, "Happy with the new rail.")
        self.assertEqual(callback.user_id, self.agent)
        self.assertEqual(callback.date_end, self.local(2027, 6, 15, 10, 4))
        # Nothing is left planned, so nothing counts as overdue later.
        with self.subTest("overdue"):
            self.frozen(self.local(2027, 7, 1, 10, 0))
            overdue = self.Callback.search(
                [
                    ("ticket_id", "=", self.complaint.id),
                    ("state", "=", "planned"),
                    ("planned_date", "<", self.local(2027, 7, 1, 10, 0)),
                ]
            )
            self.assertFalse(overdue)
        self.Planner._cron_kefu_callback_plan()
        self.assertEqual(len(self.complaint.kefu_callback_ids), 1)

    def test_recording_before_the_planner_runs_makes_the_one_record(self):
        self.record_on_the_ticket()
        self.Planner._cron_kefu_callback_plan()
        callback = self.complaint.kefu_callback_ids
        self.assertEqual(len(callback), 1)
        self.assertEqual(callback.state, "done")
        self.assertEqual(callback.callback_type, "complaint")
        self.assertEqual(callback.outcome, "Happy with the new rail.")

    def test_complaint_callback_uses_its_own_question_set(self):
        self.Planner._cron_kefu_callback_plan()
        callback = self.complaint.kefu_callback_ids
        self.assertEqual(callback.answer_ids.question_id, self.complaint_questions())
        service = self.make_callback(callback_type="service")
        self.assertTrue(service.answer_ids)
        self.assertFalse(service.answer_ids.question_id & self.complaint_questions())
        self.assertIn(
            self.env.ref("kefu_management.kefu_callback_question_01"),
            service.answer_ids.question_id,
        )
        # Completing the form on the callback record closes the ticket's step once.
        self.frozen(self.local(2027, 6, 15, 10, 4))
        callback = callback.with_user(self.agent)
        self.answer_all(callback)
        callback.outcome = "Satisfied."
        callback.action_done()
        self.assertEqual(self.complaint.kefu_complaint_state, "callback_done")
        self.assertEqual(self.complaint.kefu_callback_outcome, "Satisfied.")
        self.assertEqual(len(self.complaint.kefu_callback_ids), 1)

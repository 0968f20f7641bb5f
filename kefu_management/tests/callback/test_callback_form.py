from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import KefuCallbackCase


@tagged("post_install", "-at_install", "kefu", "kefu_callback")
class TestCallbackForm(KefuCallbackCase):
    def setUp(self):
        super().setUp()
        self.frozen(self.local(2027, 6, 14, 10, 10))

    def test_a_callback_is_recorded_with_its_form(self):
        callback = self.make_callback(user=self.agent)
        self.assertTrue(callback.name.startswith("CBK/"))
        callback.action_start()
        self.assertEqual(callback.date_start, self.local(2027, 6, 14, 10, 10))
        # CBK-3: every callback fully recorded: each yes/no question and the outcome.
        with self.assertRaises(UserError):
            callback.action_done()
        self.answer_all(callback)
        with self.assertRaises(UserError):
            callback.action_done()
        self.assertEqual(callback.state, "planned")
        callback.write(
            {
                "outcome": "Satisfied",
                "satisfaction": "5",
                "date_end": self.local(2027, 6, 14, 10, 14),
            }
        )
        callback.action_done()
        self.assertEqual(callback.state, "done")
        self.assertTrue(callback.form_done)
        self.assertEqual(callback.duration, 4.0)
        self.assertFalse(callback.duration_flag, "4 minutes is inside the 3-5 guideline")
        self.assertEqual(callback.satisfaction_score, 5.0)
        answers = self.env["kefu.callback.answer"].search([("callback_id", "=", callback.id)])
        self.assertEqual(sum(answers.mapped("yes_count")), 9)
        self.assertEqual(answers.user_id, self.agent)

    def test_calls_outside_the_guideline_are_flagged_not_refused(self):
        callback = self.make_callback(
            date_start=self.local(2027, 6, 14, 10, 0), date_end=self.local(2027, 6, 14, 10, 9)
        )
        self.assertEqual(callback.duration_flag, "long")
        callback.date_end = self.local(2027, 6, 14, 10, 1)
        self.assertEqual(callback.duration_flag, "short")
        self.answer_all(callback)
        callback.outcome = "Short call"
        callback.action_done()
        self.assertEqual(callback.state, "done")

    def test_bad_input(self):
        callback = self.make_callback()
        # An end before the start.
        with self.assertRaises(ValidationError):
            callback.write(
                {
                    "date_start": self.local(2027, 6, 14, 10, 5),
                    "date_end": self.local(2027, 6, 14, 10, 0),
                }
            )
        # CBK-3: planned by hand in a do-not-call window needs a reason.
        with self.assertRaises(ValidationError):
            callback.planned_date = self.local(2027, 6, 14, 12, 30)
        with self.assertRaises(ValidationError):
            self.make_callback(planned_date=self.local(2027, 6, 12, 10, 0))  # Saturday
        callback.write(
            {
                "planned_date": self.local(2027, 6, 14, 12, 30),
                "rest_reason": "The customer asked for a call at lunch time.",
            }
        )
        self.assertEqual(callback.planned_date, self.local(2027, 6, 14, 12, 30))
        # The form warns in the web client.
        with Form(self.Callback) as form:
            form.partner_id = self.customer
            form.planned_date = self.local(2027, 6, 14, 22, 0)
            form.rest_reason = "Night-shift customer"
        # Answering a form twice.
        self.answer_all(callback)
        callback.outcome = "Fine"
        callback.action_done()
        with self.assertRaises(UserError):
            callback.answer_ids[0].answer = "no"
        with self.assertRaises(UserError):
            callback.action_done()
        other = self.make_callback()
        with self.assertRaises(ValidationError), mute_logger("odoo.sql_db"):
            other.write(
                {"answer_ids": [(0, 0, {"question_id": other.answer_ids[0].question_id.id})]}
            )
        self.assertEqual(len(other.answer_ids), 10, "nothing half-written")

    def test_the_planner_key_is_unique(self):
        self.make_callback(plan_key="service:test")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.make_callback(plan_key="service:test")

    def test_no_answer_is_planned_again_outside_rest_time(self):
        callback = self.make_callback(planned_date=self.local(2027, 6, 14, 20, 50))
        callback.action_no_answer()
        action = callback.action_replan()
        again = self.Callback.browse(action["res_id"])
        self.assertEqual(again.state, "planned")
        self.assertEqual(again.planned_date, self.local(2027, 6, 14, 20, 50))
        with self.assertRaises(UserError):
            callback.action_cancel()

    def test_access_per_role(self):
        mine = self.make_callback(user=self.agent)
        other_team = self.make_callback(user_id=self.agent_b.id, team_id=self.team_b.id)
        Callback = self.Callback.with_user(self.agent)
        self.assertIn(mine, Callback.search([]))
        self.assertNotIn(other_team, Callback.search([]))
        self.assertIn(other_team, self.Callback.with_user(self.leader).search([]))
        with self.assertRaises(AccessError):
            mine.with_user(self.agent).unlink()
        with self.assertRaises(AccessError):
            self.Callback.with_user(self.employee).search([])
        with self.assertRaises(AccessError):
            self.env["kefu.callback.question"].with_user(self.agent).create({"name": "Q?"})
        question = (
            self.env["kefu.callback.question"]
            .with_user(self.manager)
            .create({"name": "Was the delivery on time?"})
        )
        self.assertIn(question, self.make_callback().answer_ids.question_id)

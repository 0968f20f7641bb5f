from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import KefuHelpdeskCase


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestComplaintLoop(KefuHelpdeskCase):
    def setUp(self):
        super().setUp()
        self.frozen = freeze_time(self.local(2027, 1, 6, 9, 0))
        self.frozen.start()
        self.addCleanup(self.frozen.stop)
        self.complaint = self.make_ticket(
            user=self.agent,
            user_id=self.agent.id,
            name="Broken table delivered",
            kefu_enquiry_type_id=self.type_complaint.id,
            kefu_contact_date=self.local(2027, 1, 6, 9, 0),
        )
        self.department = self.env["kefu.complaint.department"].create(
            {"name": "Warehouse", "user_id": self.leader_b.id}
        )

    def accept(self, promised=None):
        self.complaint.with_user(self.agent).write(
            {
                "kefu_solution_options": "Replace the table or refund.",
                "kefu_promised_date": promised or self.local(2027, 1, 8, 17, 0),
            }
        )
        self.complaint.with_user(self.agent).action_kefu_accept_complaint()

    def judge(self, level="normal"):
        self.complaint.with_user(self.agent).write(
            {
                "kefu_justified": "yes",
                "kefu_demand_reasonable": "yes",
                "kefu_complaint_category_id": self.env.ref(
                    "kefu_management.kefu_complaint_category_quality"
                ).id,
                "kefu_complaint_level": level,
                "kefu_complaint_department_id": self.department.id,
            }
        )
        self.complaint.with_user(self.agent).action_kefu_judge_complaint()

    def resolve(self):
        self.complaint.with_user(self.agent).action_kefu_route_complaint()
        self.complaint.with_user(self.agent).kefu_complaint_result = "A new table on Friday."
        self.complaint.with_user(self.agent).action_kefu_send_result()

    def test_the_closed_loop(self):
        self.assertTrue(self.complaint.kefu_is_complaint)
        self.accept()
        self.assertEqual(self.complaint.kefu_complaint_state, "accepted")
        # CMP-1: the customer is told the promised time, which is also the first reply.
        mail = self.complaint.message_ids.filtered(lambda m: "accepted" in (m.subject or ""))
        self.assertEqual(len(mail), 1)
        self.assertIn(self.customer, mail.partner_ids)
        self.assertIn("2027-01-08 17:00", mail.body)
        self.assertEqual(self.complaint.kefu_first_reply_user_id, self.agent)
        self.judge()
        self.assertEqual(self.complaint.kefu_complaint_state, "judged")
        self.resolve()
        self.assertEqual(self.complaint.kefu_complaint_state, "result_sent")
        self.assertIn(
            self.leader_b, self.complaint.activity_ids.user_id, "the department is asked to act"
        )
        self.assertEqual(self.complaint.kefu_on_time_rate, 100.0)
        self.assertEqual(self.complaint.kefu_resolution_rate, 100.0)
        # CMP-5: no closing before the callback.
        with self.assertRaises(UserError):
            self.complaint.with_user(self.agent).stage_id = self.stage_done
        self.assertFalse(self.complaint.closed)
        with self.assertRaises(UserError):
            self.complaint.with_user(self.agent).action_kefu_callback_done()
        self.complaint.with_user(self.agent).kefu_callback_outcome = "Satisfied with the new table."
        self.complaint.with_user(self.agent).action_kefu_callback_done()
        self.assertEqual(self.complaint.kefu_callback_user_id, self.agent)
        self.assertTrue(self.complaint.kefu_callback_date)
        self.complaint.with_user(self.agent).action_kefu_archive_complaint()
        self.assertTrue(self.complaint.closed)
        self.assertEqual(self.complaint.kefu_complaint_state, "archived")

    def test_closing_without_callback_is_refused_in_every_step(self):
        for step in (lambda: None, self.accept, self.judge, self.resolve):
            step()
            with self.assertRaises(UserError):
                self.complaint.with_user(self.agent).write({"stage_id": self.stage_done.id})
            self.assertFalse(self.complaint.closed)
        with self.assertRaises(UserError):
            self.complaint.with_user(self.agent).action_kefu_archive_complaint()

    def test_promised_time_in_the_past_is_refused(self):
        with self.assertRaises(ValidationError):
            self.complaint.with_user(self.agent).write(
                {
                    "kefu_solution_options": "Refund",
                    "kefu_promised_date": self.local(2027, 1, 5, 17, 0),
                }
            )
        self.assertEqual(self.complaint.kefu_complaint_state, "new")
        self.assertFalse(self.complaint.kefu_promised_date)

    def test_accepting_needs_solution_options_and_promise(self):
        with self.assertRaises(UserError):
            self.complaint.with_user(self.agent).action_kefu_accept_complaint()
        self.assertEqual(self.complaint.kefu_complaint_state, "new")
        self.assertFalse(self.complaint.kefu_accepted_date)

    def test_callback_before_the_result_is_refused(self):
        self.accept()
        self.judge()
        self.resolve()
        with self.assertRaises(ValidationError):
            self.complaint.with_user(self.agent).kefu_callback_date = self.local(2027, 1, 6, 8, 0)

    def test_missed_promise_is_flagged_by_the_cron_once(self):
        self.accept()
        self.judge()
        with freeze_time(self.local(2027, 1, 8, 17, 1)):
            self.env["helpdesk.ticket"]._cron_kefu_response_limits()
            count = len(self.complaint.message_ids)
            self.env["helpdesk.ticket"]._cron_kefu_response_limits()
            self.assertEqual(len(self.complaint.message_ids), count)
        self.assertTrue(self.complaint.kefu_promise_missed)
        flagged = self.env["helpdesk.ticket"].search([("kefu_promise_missed", "=", True)])
        self.assertIn(self.complaint, flagged)
        with freeze_time(self.local(2027, 1, 9, 10, 0)):
            self.resolve()
        self.assertEqual(self.complaint.kefu_on_time_rate, 0.0)

    def test_major_complaint_goes_to_the_cs_manager(self):
        # CMP-6
        self.accept()
        self.judge(level="major")
        self.assertIn(self.manager, self.complaint.activity_ids.user_id)
        self.resolve()
        self.complaint.with_user(self.agent).kefu_callback_outcome = "Accepted the apology."
        self.complaint.with_user(self.agent).action_kefu_callback_done()
        with self.assertRaises(AccessError):
            self.complaint.with_user(self.agent).action_kefu_archive_complaint()
        self.assertFalse(self.complaint.closed)
        self.complaint.with_user(self.manager).action_kefu_archive_complaint()
        self.assertEqual(self.complaint.kefu_complaint_state, "archived")

    def escalation(self):
        """(CS Manager activities, General Manager activities, escalation notes)."""
        activities = self.complaint.activity_ids
        handle = activities.filtered(lambda a: a.summary.startswith("Major complaint"))
        report = activities.filtered(lambda a: a.summary.startswith("Major matter"))
        notes = self.complaint.message_ids.filtered(
            lambda m: "handed to the CS Manager" in (m.body or "")
        )
        return handle, report, notes

    def test_major_complaint_is_escalated_once(self):
        # CMP-6/SVC-1: the level is written, then judged: one escalation only.
        self.accept()
        self.judge(level="major")
        self.complaint.with_user(self.manager).kefu_complaint_level = "serious"
        self.complaint.with_user(self.manager).kefu_complaint_level = "major"
        self.complaint._kefu_escalate_major()
        handle, report, notes = self.escalation()
        gms = self.env.ref("kefu_management.group_kefu_general_manager").users.filtered("active")
        managers = self.env.ref("kefu_management.group_kefu_manager").users.filtered("active")
        self.assertIn(self.manager, handle.user_id)
        self.assertEqual(len(handle), len(handle.user_id), "one activity per CS Manager")
        self.assertEqual(handle.user_id, managers - gms)
        # The General Manager gets an activity on top of the mail, once each.
        self.assertIn(self.general_manager, report.user_id)
        self.assertEqual(report.user_id, gms)
        self.assertEqual(len(report), len(gms))
        self.assertEqual(len(notes), 1)
        self.assertTrue(self.complaint.kefu_major_matter)
        gm_mail = self.complaint.message_ids.filtered(
            lambda m: "reported to the General Manager" in (m.body or "")
        )
        self.assertEqual(len(gm_mail), 1)
        self.assertIn(self.general_manager.partner_id, gm_mail.partner_ids)

    def test_major_matter_gives_the_general_manager_an_activity(self):
        # SVC-1: a major matter is reported to the General Manager at once.
        ticket = self.make_ticket(kefu_enquiry_type_id=self.type_consultation.id)
        ticket.with_user(self.agent).kefu_major_matter = True
        ticket.with_user(self.agent).kefu_major_matter = True
        activities = ticket.activity_ids.filtered(lambda a: a.user_id == self.general_manager)
        self.assertEqual(len(activities), 1)

    def test_archiving_closes_the_complaint_activities(self):
        self.accept()
        self.judge(level="major")
        self.resolve()
        self.assertTrue(self.complaint.activity_ids)
        self.complaint.with_user(self.agent).kefu_callback_outcome = "Accepted the apology."
        self.complaint.with_user(self.agent).action_kefu_callback_done()
        self.complaint.with_user(self.manager).action_kefu_archive_complaint()
        self.assertEqual(self.complaint.kefu_complaint_state, "archived")
        self.assertFalse(self.complaint.activity_ids)

    def test_a_non_complaint_has_no_loop(self):
        ticket = self.make_ticket(kefu_enquiry_type_id=self.type_consultation.id)
        with self.assertRaises(UserError):
            ticket.action_kefu_accept_complaint()
        ticket.stage_id = self.stage_done
        self.assertTrue(ticket.closed)

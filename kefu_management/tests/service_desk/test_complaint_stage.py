from freezegun import freeze_time

from odoo.tests import tagged

from .common import KefuHelpdeskCase


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestComplaintStageFollowsTheLoop(KefuHelpdeskCase):
    """Issue 15/9: the ticket stage follows the complaint loop (CMP-1 ... CMP-5):
    accepted -> "In Progress", archived -> "Done"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.stage_new = ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        cls.stage_in_progress = ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        cls.stage_awaiting = ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")
        cls.department = cls.env["kefu.complaint.department"].create(
            {"name": "Warehouse", "user_id": cls.leader_b.id}
        )

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

    def accept(self, ticket):
        ticket.with_user(self.agent).write(
            {
                "kefu_solution_options": "Replace the table or refund.",
                "kefu_promised_date": self.local(2027, 1, 8, 17, 0),
            }
        )
        ticket.with_user(self.agent).action_kefu_accept_complaint()

    def run_to_callback(self, ticket):
        as_agent = ticket.with_user(self.agent)
        as_agent.write(
            {
                "kefu_justified": "yes",
                "kefu_demand_reasonable": "yes",
                "kefu_complaint_category_id": self.env.ref(
                    "kefu_management.kefu_complaint_category_quality"
                ).id,
                "kefu_complaint_department_id": self.department.id,
            }
        )
        as_agent.action_kefu_judge_complaint()
        as_agent.action_kefu_route_complaint()
        as_agent.kefu_complaint_result = "A new table on Friday."
        as_agent.action_kefu_send_result()
        as_agent.kefu_callback_outcome = "Satisfied with the new table."
        as_agent.action_kefu_callback_done()

    def test_accepted_complaint_moves_to_in_progress(self):
        self.assertEqual(self.complaint.stage_id, self.stage_new)
        self.accept(self.complaint)
        self.assertEqual(self.complaint.stage_id, self.stage_in_progress)
        self.assertFalse(self.complaint.closed)

    def test_the_stage_stays_in_progress_through_the_loop_and_ends_done(self):
        self.accept(self.complaint)
        self.run_to_callback(self.complaint)
        self.assertEqual(self.complaint.kefu_complaint_state, "callback_done")
        self.assertEqual(self.complaint.stage_id, self.stage_in_progress)
        self.complaint.with_user(self.agent).action_kefu_archive_complaint()
        self.assertEqual(self.complaint.kefu_complaint_state, "archived")
        self.assertEqual(self.complaint.stage_id, self.stage_done)
        self.assertTrue(self.complaint.closed)

    def test_a_ticket_already_further_on_is_not_moved_back(self):
        # An agent who put the ticket on "Awaiting" before accepting keeps it there.
        self.complaint.stage_id = self.stage_awaiting
        self.accept(self.complaint)
        self.assertEqual(self.complaint.stage_id, self.stage_awaiting)

    def test_a_team_without_the_in_progress_stage_takes_its_next_open_stage(self):
        team = self.env["helpdesk.ticket.team"].create(
            {"name": "Complaints desk", "user_ids": [(6, 0, [self.agent.id])]}
        )
        Stage = self.env["helpdesk.ticket.stage"]
        own_new, own_working, own_closed = Stage.create(
            [
                {"name": "Received", "sequence": 1, "team_ids": [(6, 0, team.ids)]},
                {"name": "Working", "sequence": 2, "team_ids": [(6, 0, team.ids)]},
                {
                    "name": "Finished",
                    "sequence": 3,
                    "closed": True,
                    "team_ids": [(6, 0, team.ids)],
                },
            ]
        )
        # Only this team's stages apply to it.
        (self.stage_new | self.stage_in_progress | self.stage_awaiting).write(
            {"team_ids": [(6, 0, self.team.ids)]}
        )
        self.stage_done.team_ids = [(6, 0, self.team.ids)]
        complaint = self.make_ticket(
            user=self.agent,
            team_id=team.id,
            stage_id=own_new.id,
            user_id=self.agent.id,
            kefu_enquiry_type_id=self.type_complaint.id,
        )
        self.accept(complaint)
        self.assertEqual(complaint.stage_id, own_working)
        self.run_to_callback(complaint)
        complaint.with_user(self.agent).action_kefu_archive_complaint()
        self.assertEqual(complaint.stage_id, own_closed)

    def test_ordinary_tickets_keep_their_stage(self):
        ticket = self.make_ticket(user=self.agent, user_id=self.agent.id)
        self.assertEqual(ticket.stage_id, self.stage_new)
        ticket.with_user(self.agent).write({"kefu_contact_number": "13900000000"})
        self.assertEqual(ticket.stage_id, self.stage_new)

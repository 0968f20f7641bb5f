from odoo.tests import HttpCase, new_test_user, tagged

from .test_complaint_handler import route_complaint


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk", "kefu_tour")
class TestComplaintHandlerTour(HttpCase):
    def test_department_head_gives_the_result_in_the_browser(self):
        agent = new_test_user(
            self.env, "t_handler_tour_agent", groups="kefu_management.group_kefu_agent"
        )
        head = new_test_user(self.env, "t_handler_tour_head", groups="base.group_user")
        department = self.env["kefu.complaint.department"].create(
            {"name": "Welding", "user_id": head.id}
        )
        complaint = (
            self.env["helpdesk.ticket"]
            .with_user(agent)
            .create(
                {
                    "name": "Cracked frame",
                    "description": "<p>The frame cracked.</p>",
                    "user_id": agent.id,
                    "kefu_enquiry_type_id": self.env.ref(
                        "kefu_management.kefu_enquiry_type_complaint"
                    ).id,
                }
            )
        )
        route_complaint(
            agent,
            complaint,
            department,
            self.env.ref("kefu_management.kefu_complaint_category_quality"),
        )
        self.start_tour(
            f"/odoo/helpdesk.ticket/{complaint.id}",
            "kefu_complaint_handler_tour",
            login="t_handler_tour_head",
        )
        self.assertEqual(complaint.kefu_complaint_result, "Frame replaced under warranty")
        self.assertEqual(complaint.kefu_complaint_state, "routed")

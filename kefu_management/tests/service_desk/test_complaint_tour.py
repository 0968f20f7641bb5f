from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk", "kefu_tour")
class TestComplaintTour(HttpCase):
    def test_agent_accepts_and_closes_a_complaint_in_the_browser(self):
        customer = self.env["res.partner"].create(
            {"name": "Tour Customer", "email": "tour@example.com"}
        )
        complaint = self.env["helpdesk.ticket"].create(
            {
                "name": "Broken table",
                "description": "<p>The table arrived broken.</p>",
                "partner_id": customer.id,
                "kefu_enquiry_type_id": self.env.ref(
                    "kefu_management.kefu_enquiry_type_complaint"
                ).id,
            }
        )
        self.start_tour(
            f"/odoo/action-kefu_management.kefu_complaint_action/{complaint.id}",
            "kefu_complaint_tour",
            login="admin",
        )
        self.assertEqual(complaint.kefu_complaint_state, "archived")
        self.assertTrue(complaint.closed)
        self.assertEqual(complaint.kefu_callback_outcome, "The customer is satisfied")
        self.assertTrue(complaint.kefu_promised_date)

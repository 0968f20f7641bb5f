from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "kefu", "kefu_callback", "kefu_tour")
class TestCallbackTour(HttpCase):
    def test_agent_does_a_callback_with_its_form_in_the_browser(self):
        admin = self.env.ref("base.user_admin")
        store = self.env["res.partner"].create({"name": "Tour Store", "email": "s@example.com"})
        customer = self.env["res.partner"].create(
            {"name": "Tour Customer", "tz": "Asia/Shanghai", "kefu_store_id": store.id}
        )
        callback = self.env["kefu.callback"].create(
            {
                "partner_id": customer.id,
                "user_id": admin.id,
                "rest_reason": "Whenever the test runs.",
            }
        )
        self.start_tour(
            f"/odoo/action-kefu_management.kefu_callback_action/{callback.id}",
            "kefu_callback_tour",
            login="admin",
        )
        self.assertEqual(callback.state, "done")
        self.assertTrue(callback.form_done)
        self.assertEqual(
            callback.answer_ids.filtered(lambda a: a.answer == "yes").mapped("answer"), ["yes"] * 9
        )
        self.assertEqual(callback.outcome, "The customer is satisfied with the installation.")
        self.assertEqual(callback.feedback_state, "to_send")

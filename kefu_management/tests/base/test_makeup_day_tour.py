from datetime import date

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "kefu", "kefu_base", "kefu_tour")
class TestFoundationTour(HttpCase):
    def test_manager_declares_a_make_up_day_in_the_browser(self):
        calendar = self.env.company.resource_calendar_id
        self.start_tour(
            "/odoo/action-kefu_management.kefu_makeup_day_action",
            "kefu_makeup_day_tour",
            login="admin",
        )
        makeup = self.env["kefu.makeup.day"].search([("name", "=", "Spring Festival make-up day")])
        self.assertEqual(makeup.date, date(2027, 2, 14))
        self.assertEqual(makeup.calendar_id, calendar)
        self.assertTrue(self.env["kefu.working.time"].is_working_day(date(2027, 2, 14)))

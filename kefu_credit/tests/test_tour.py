from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "kefu", "kefu_credit", "kefu_tour")
class TestCreditTour(HttpCase):
    def test_over_limit_order_approval_confirmation_in_the_browser(self):
        pass

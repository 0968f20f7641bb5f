from datetime import datetime

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "kefu", "kefu_archive", "kefu_tour")
class TestBorrowTour(HttpCase):
    def test_borrowing_card_flow_in_the_browser(self):
        env = self.env
        partner = env["res.partner"].create({"name": "Borrow Tour Co.", "is_company": True})
        archive = env["kefu.archive"].create(
            {
                "partner_id": partner.id,
                "org_structure": "Board of five",
                "secrecy_level": "top_secret",
                "classified_on": "2026-01-01",
                "secrecy_end": "2031-01-01",
            }
        )
        borrower = new_test_user(
            env,
            "tour_borrower",
            groups="sales_team.group_sale_manager,kefu_management.group_kefu_archive_borrower",
            name="Tour Borrower",
        )
        # ARC-7: the borrower's department manager signs first.
        approver = new_test_user(
            env,
            "tour_approver",
            groups="kefu_management.group_kefu_department_manager",
            name="Tour Approver",
        )
        cs_manager = new_test_user(
            env, "tour_cs", groups="kefu_management.group_kefu_manager", name="Tour CS Manager"
        )
        self.start_tour(
            "/odoo/action-kefu_management.kefu_archive_borrow_action",
            "kefu_borrow_request_tour",
            login="tour_borrower",
        )
        card = env["kefu.archive.borrow"].search([("borrower_id", "=", borrower.id)])
        self.assertEqual(card.archive_id, archive)
        self.assertEqual(card.date_due.date(), datetime(2030, 6, 30).date())
        self.assertEqual(card.validation_status, "pending")
        card.with_user(approver).validate_tier()
        self.start_tour(
            "/odoo/action-kefu_management.kefu_archive_borrow_action",
            "kefu_borrow_grant_tour",
            login="tour_cs",
        )
        self.assertEqual(card.state, "granted")
        self.assertEqual(card.granted_by_id, cs_manager)
        self.start_tour(
            "/odoo/action-kefu_management.kefu_archive_borrow_action",
            "kefu_borrow_open_tour",
            login="tour_borrower",
        )
        log = env["kefu.archive.access.log"].search([("user_id", "=", borrower.id)])
        # ARC-10: one line per path the archive was read through (form, list...).
        self.assertEqual(log.archive_id, archive)
        self.assertTrue(all(log.mapped("borrowed")))

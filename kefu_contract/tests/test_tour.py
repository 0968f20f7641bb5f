import base64

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "kefu", "kefu_contract", "kefu_tour")
class TestContractTour(HttpCase):
    def test_contract_submit_review_sign_custody_in_the_browser(self):
        env = self.env
        env["res.partner"].create({"name": "Tour Contract Customer", "is_company": True})
        sales = new_test_user(
            env, "tour_con_sales", groups="sales_team.group_sale_salesman", name="Tour Sales"
        )
        new_test_user(
            env, "tour_con_finance", groups="account.group_account_manager", name="Tour Finance"
        )
        new_test_user(
            env, "tour_con_legal", groups="kefu_contract.group_kefu_legal", name="Tour Legal"
        )
        new_test_user(
            env,
            "tour_con_cs",
            groups="kefu_management.group_kefu_agent",
            name="Tour CS",
        )
        cs_manager = new_test_user(
            env,
            "tour_con_cs_manager",
            groups="kefu_management.group_kefu_manager",
            name="Tour CS Manager",
        )
        url = "/odoo/action-kefu_contract.kefu_contract_action"
        self.start_tour(url, "kefu_contract_submit_tour", login="tour_con_sales")
        contract = env["kefu.contract"].search([("user_id", "=", sales.id)])
        self.assertEqual(contract.state, "review")
        # Finance, Legal and the CS credit opinion (CRD-9).
        self.assertEqual(len(contract.review_ids), 3)
        self.start_tour(url, "kefu_contract_cs_opinion_tour", login="tour_con_cs")
        self.start_tour(url, "kefu_contract_finance_tour", login="tour_con_finance")
        # CRD-9: the CS Manager signs the CS credit opinion step (the reviewer's own
        # browser path is kefu_management's reviewer tour).
        contract.with_user(cs_manager).validate_tier()
        self.start_tour(url, "kefu_contract_legal_tour", login="tour_con_legal")
        self.assertEqual(contract.state, "approved")
        # The signed scan is attached before the sales person records the signature.
        contract.signed_document = base64.b64encode(b"%PDF-1.4 signed")
        contract.signed_document_name = "signed.pdf"
        self.start_tour(url, "kefu_contract_sign_tour", login="tour_con_sales")
        self.assertEqual(contract.state, "signed")
        self.start_tour(url, "kefu_contract_custody_tour", login="tour_con_cs")
        self.assertEqual(contract.state, "custody")
        self.assertEqual(contract.custody_log_ids.action, "received")

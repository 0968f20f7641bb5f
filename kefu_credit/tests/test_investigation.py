import base64
from io import BytesIO

import openpyxl

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import KefuCreditCase


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestInvestigation(KefuCreditCase):
    def new_investigation(self):
        return (
            self.env["kefu.credit.investigation"]
            .with_user(self.salesman)
            .create({"partner_id": self.customer.id, "channel": "visit"})
        )

    def test_investigation_flow_applies_tier_and_limit(self):
        investigation = self.new_investigation()
        self.assertEqual(investigation.requested_by_id, self.salesman)
        self.assertTrue(investigation.date_due)
        with self.assertRaises(UserError):
            investigation.action_submit()
        investigation.write(
            {
                "section_identity": "Registered 2015, capital 10 M CNY.",
                "section_payment": "No overdue in 24 months.",
            }
        )
        investigation.action_submit()
        self.assertEqual(investigation.state, "evaluation")
        with self.assertRaises(UserError):
            investigation.with_user(self.finance).action_request_approval()
        investigation.with_user(self.finance).write(
            {"finance_evaluation": "Sound.", "proposed_tier": "B", "proposed_limit": 70000.0}
        )
        investigation.with_user(self.finance).action_request_approval()
        # Sales cannot approve their own investigation (CRD-4).
        with self.assertRaises(UserError):
            investigation.with_user(self.salesman).validate_tier()
        self.assertEqual(investigation.state, "evaluation")
        investigation.with_user(self.controller).validate_tier()
        self.assertEqual(investigation.state, "done")
        self.assertEqual(self.customer.kefu_credit_tier, "B")
        self.assertEqual(self.customer.sudo().credit_limit, 70000.0)
        self.assertIn(investigation.name, self.customer.kefu_credit_tier_reason)

    def test_d_proposal_with_a_limit_is_refused(self):
        # The constraint holds whoever writes (Finance's write rights aside).
        investigation = self.new_investigation().sudo()
        with self.assertRaises(ValidationError):
            investigation.write({"proposed_tier": "D", "proposed_limit": 10.0})
        with self.assertRaises(ValidationError), self.cr.savepoint():
            investigation.write({"proposed_limit": -1.0})

    def test_credit_investigation_report_xlsx(self):
        investigation = self.new_investigation()
        investigation.section_finance = "Revenue 120 M CNY"
        content, file_type = self.env["ir.actions.report"]._render_xlsx(
            "kefu_credit.kefu_credit_investigation_xlsx_report", investigation.ids, {}
        )
        self.assertEqual(file_type, "xlsx")
        workbook = openpyxl.load_workbook(BytesIO(content))
        values = [cell.value for row in workbook.active.iter_rows() for cell in row]
        self.assertIn("Revenue 120 M CNY", values)
        self.assertIn(investigation.name, values)
        self.assertTrue(base64.b64encode(content))

import base64
from contextlib import contextmanager
from datetime import date, timedelta

from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.kefu_management.tests.common import KefuCase


class KefuContractCase(KefuCase):
    """Sales, reviewers, sales support and a customer on the kefu test calendar."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Messages are asserted in English: the test users' own language (kefu's
        # texts follow it when the context names none) must not decide.
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.Contract = cls.env["kefu.contract"]
        cls.salesman = new_test_user(
            cls.env, "t_con_sales", groups="sales_team.group_sale_salesman", name="Sales Li"
        )
        cls.salesman2 = new_test_user(
            cls.env, "t_con_sales2", groups="sales_team.group_sale_salesman", name="Sales Wang"
        )
        cls.finance = new_test_user(
            cls.env, "t_con_finance", groups="account.group_account_manager", name="Finance Zhao"
        )
        cls.legal = new_test_user(
            cls.env, "t_con_legal", groups="kefu_contract.group_kefu_legal", name="Legal Qian"
        )
        cls.support = new_test_user(
            cls.env,
            "t_con_support",
            groups="kefu_contract.group_kefu_sales_support",
            name="Support Sun",
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Suzhou Precision Parts Co.", "is_company": True}
        )
        cls.document = base64.b64encode(b"%PDF-1.4 signed contract")

    @classmethod
    def make_contract(cls, user=None, **vals):
        values = {
            "title": "Precision parts 2027",
            "partner_id": cls.customer.id,
            "amount": 120000.0,
            "licence_number": "91320500MA1X",
            "licence_valid_until": date(2030, 12, 31),
            "delivery_date_start": date(2027, 2, 1),
            "delivery_date_end": date(2027, 3, 31),
        }
        values.update(vals)
        return cls.Contract.with_user(user or cls.salesman).create(values)

    @classmethod
    def give_opinions(cls, contract):
        contract.with_user(cls.agent).cs_credit_opinion = "Tier B customer, pays on time."
        contract.with_user(cls.finance).finance_credit_opinion = "Limit is sufficient."

    @classmethod
    def approve(cls, contract):
        cls.give_opinions(contract)
        contract.with_user(cls.finance).validate_tier()
        contract.with_user(cls.legal).validate_tier()
        # CRD-9: the CS opinion on credit is its own step, signed by a CS Manager.
        contract.with_user(cls.manager).validate_tier()

    @classmethod
    def make_submitted(cls, **vals):
        contract = cls.make_contract(**vals)
        contract.with_user(cls.salesman).action_submit()
        return contract

    @classmethod
    def make_approved(cls, **vals):
        contract = cls.make_submitted(**vals)
        cls.approve(contract)
        return contract

    @classmethod
    def make_in_custody(cls, **vals):
        contract = cls.make_approved(**vals)
        contract.with_user(cls.salesman).signed_document = cls.document
        contract.with_user(cls.salesman).action_sign()
        contract.with_user(cls.agent).action_receive_custody()
        return contract

    @classmethod
    def make_retrieval(cls, contract, state="out", days=3):
        """A retrieval of ``contract`` by the sales person, through the real flow."""
        retrieval = (
            cls.env["kefu.contract.retrieval"]
            .with_user(cls.salesman)
            .create(
                {
                    "contract_id": contract.id,
                    "purpose": "Customer audit at their site",
                    "date_return_due": fields.Datetime.now() + timedelta(days=days),
                }
            )
        )
        if state == "draft":
            return retrieval
        retrieval.action_request()
        retrieval.with_user(cls.general_manager).validate_tier()
        if state == "out":
            retrieval.with_user(cls.agent).action_hand_out()
        return retrieval

    @classmethod
    def review_of(cls, contract, role):
        return contract.review_ids.filtered(lambda r: r.kefu_contract_role == role)

    @classmethod
    def messages(cls, record, text):
        return record.message_ids.filtered(lambda m: text in (m.body or ""))

    @contextmanager
    def assertRaisesText(self, exception, text):
        """assertRaises (which rolls back to a savepoint) plus the message."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertIn(text, str(catcher.exception))

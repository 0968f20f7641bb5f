"""Issue 13 item 6: a retrieval request's purpose (CON-7) cannot be blank nor
carry a NUL byte, and its return deadline must be a real date and time."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import KefuContractCase

# ORM callers carry the language in their context; RPC without one is tested below.
ZH = {"lang": "zh_CN"}


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestContractBadInput(KefuContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls.make_in_custody()
        cls.salesman.lang = "zh_CN"

    def test_retrieval_purpose_and_deadline_are_checked(self):
        retrievals = self.env(user=self.salesman, context=ZH)["kefu.contract.retrieval"]
        due = fields.Datetime.to_string(fields.Datetime.now() + timedelta(days=2))
        for vals, message in (
            ({"purpose": ""}, "为必填项，不能为空"),
            ({"purpose": "  "}, "为必填项，不能为空"),
            ({"purpose": "审计\x00"}, "NUL"),
            ({"date_return_due": "31/12/2027"}, "不是有效的日期时间"),
            ({"date_return_due": "2026-02-30 10:00:00"}, "不是有效的日期时间"),
        ):
            values = dict(
                {"contract_id": self.contract.id, "purpose": "客户审计", "date_return_due": due},
                **vals,
            )
            with self.subTest(vals=vals), self.assertRaises(ValidationError) as caught:
                retrievals.create(values)
            self.assertIn(message, str(caught.exception))
        self.contract.invalidate_recordset()
        self.assertFalse(self.contract.retrieval_ids)

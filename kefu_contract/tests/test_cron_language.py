"""kefu_contract's scheduled actions write in the reader's language (issue 14).

Each cron method runs as ``ir.cron`` runs it, with no language in the context,
in a database whose company and users speak zh_CN.
"""

import re
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .common import KefuContractCase

CJK = re.compile(r"[\u4e00-\u9fff]")


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestContractCronLanguage(KefuContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")
        cls.company.partner_id.lang = "zh_CN"
        (cls.salesman | cls.finance | cls.legal | cls.manager | cls.agent).write({"lang": "zh_CN"})

    def as_cron(self, model_name):
        return self.env(context={})[model_name]

    def assertChinese(self, text, english):
        self.assertTrue(text and CJK.search(str(text)), f"not Chinese: {text!r}")
        self.assertNotIn(english, str(text))

    def new_messages(self, record, before):
        return record.message_ids.filtered(lambda m: m.id not in before.ids and m.body)

    def submitted_at(self, *local):
        contract = self.make_contract()
        with freeze_time(self.local(*local)):
            contract.with_user(self.salesman).action_submit()
        return contract

    def test_review_reminder_in_the_company_language(self):
        contract = self.submitted_at(2027, 1, 8, 15, 0)
        before = contract.message_ids
        with freeze_time(self.local(2027, 1, 11, 12, 30)):
            self.as_cron("kefu.contract")._cron_remind_reviews()
        reminders = self.new_messages(contract, before)
        # Finance, Legal and the CS credit opinion (CRD-9).
        self.assertEqual(len(reminders), 3)
        for reminder in reminders:
            self.assertChinese(reminder.body, "Reminder")

    def test_overdue_review_note_in_the_company_language(self):
        contract = self.submitted_at(2027, 1, 8, 15, 0)
        before = contract.message_ids
        with freeze_time(self.local(2027, 1, 11, 15, 30)):
            self.as_cron("kefu.contract")._cron_flag_overdue_reviews()
        notes = self.new_messages(contract, before)
        self.assertEqual(len(notes), 3)
        for note in notes:
            self.assertChinese(note.body, "is overdue")

    def test_late_custody_note_in_the_company_language(self):
        contract = self.make_approved()
        contract.with_user(self.salesman).signed_document = self.document
        with freeze_time(self.local(2027, 1, 8, 16, 0)):
            contract.with_user(self.salesman).action_sign()
        before = contract.message_ids
        with freeze_time(self.local(2027, 1, 11, 17, 0)):
            self.as_cron("kefu.contract")._cron_flag_late_custody()
        note = self.new_messages(contract, before)
        self.assertEqual(len(note), 1)
        self.assertChinese(note.body, "has not reached CS custody")

    def test_late_delivery_activity_in_each_sales_person_language(self):
        product = self.env["product.product"].create(
            {"name": "Bearing housing", "type": "consu", "list_price": 10.0}
        )
        english = self.salesman2
        english.lang = "en_US"
        contracts = self.Contract
        for user in (self.salesman, english):
            order = (
                self.env["sale.order"]
                .with_context(bypass_risk=True)
                .create(
                    {
                        "partner_id": self.customer.id,
                        "user_id": user.id,
                        "order_line": [
                            fields.Command.create(
                                {"product_id": product.id, "product_uom_qty": 5, "price_unit": 10}
                            )
                        ],
                    }
                )
            )
            order.action_confirm()
            contract = self.make_contract(
                user=user,
                delivery_date_start=date(2027, 1, 4),
                delivery_date_end=date(2027, 1, 15),
                sale_order_ids=[order.id],
            )
            contract.with_user(user).action_submit()
            self.approve(contract)
            contract.with_user(user).signed_document = self.document
            contract.with_user(user).action_sign()
            contracts |= contract
        before = contracts.activity_ids
        with freeze_time(datetime(2027, 1, 16, 12, 0)):
            self.as_cron("kefu.contract")._cron_flag_late_delivery()
        urges = contracts.activity_ids - before
        chinese = urges.filtered(lambda a: a.user_id == self.salesman)
        self.assertEqual(len(chinese), 1)
        self.assertChinese(chinese.summary, "not delivered")
        self.assertChinese(chinese.note, "Urge the delivery")
        urge = urges.filtered(lambda a: a.user_id == english)
        self.assertEqual(urge.summary, "Goods not delivered within the contract's period")
        self.assertIn("Urge the delivery", urge.note)

    def test_overdue_return_note_and_activity_in_chinese(self):
        contract = self.make_in_custody()
        retrieval = self.make_retrieval(contract, days=1)
        before = retrieval.message_ids
        with freeze_time(fields.Datetime.now() + timedelta(days=2)):
            self.as_cron("kefu.contract.retrieval")._cron_flag_overdue_returns()
        self.assertEqual(retrieval.state, "overdue")
        note = self.new_messages(retrieval, before).filtered(lambda m: m.partner_ids)
        self.assertEqual(len(note), 1)
        self.assertChinese(note.body, "was due back")
        activity = retrieval.activity_ids.filtered(lambda a: a.user_id == self.salesman)
        self.assertEqual(len(activity), 1)
        self.assertChinese(activity.summary, "Return the contract")

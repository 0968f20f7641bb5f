"""kefu_credit's scheduled actions write in the reader's language (issue 14).

Each cron method runs as ``ir.cron`` runs it, with no language in the context,
in a database whose company and sales people speak zh_CN.
"""

import re

from freezegun import freeze_time

from odoo.tests import tagged

from .common import KefuCreditCase

CJK = re.compile(r"[\u4e00-\u9fff]")


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestCreditCronLanguage(KefuCreditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")
        cls.company.partner_id.lang = "zh_CN"
        cls.salesman.lang = "zh_CN"
        # Customers of the demo data are not due during these tests.
        cls.env["res.partner"].search([("kefu_credit_tier", "!=", False)]).write(
            {"kefu_credit_review_date": "2099-01-01"}
        )

    def as_cron(self, model_name):
        return self.env(context={})[model_name]

    def assertChinese(self, text, english):
        self.assertTrue(text and CJK.search(text), f"not Chinese: {text!r}")
        self.assertNotIn(english, text)

    def test_periodic_investigation_activity_in_each_sales_person_language(self):
        english_sales = self.make_user("t_sales_en", "sales_team.group_sale_salesman")
        partners = self.env["res.partner"]
        with freeze_time("2026-01-05"):
            for user in (self.salesman, english_sales):
                partner = self.env["res.partner"].create(
                    {"name": f"Tier D {user.login}", "is_company": True, "user_id": user.id}
                )
                self.set_tier(partner, "D")
                partners |= partner
        with freeze_time("2026-02-05"):
            self.as_cron("kefu.credit.investigation")._cron_open_periodic()
        investigations = self.env["kefu.credit.investigation"].search(
            [("partner_id", "in", partners.ids), ("kind", "=", "periodic")]
        )
        self.assertEqual(len(investigations), 2)
        chinese = investigations.filtered(lambda i: i.user_id == self.salesman).activity_ids
        self.assertEqual(chinese.user_id, self.salesman)
        self.assertChinese(chinese.summary, "Credit investigation of")
        english = investigations.filtered(lambda i: i.user_id == english_sales).activity_ids
        self.assertTrue(english.summary.startswith("Credit investigation of"), english.summary)

    def test_relaxed_limit_note_in_the_company_language(self):
        with freeze_time("2026-01-10"):
            self.set_tier(self.customer, "B")
        with freeze_time("2026-04-01"):
            self.as_cron("res.partner")._cron_kefu_relax_credit_limits()
        with freeze_time("2026-07-11"):
            self.as_cron("res.partner")._cron_kefu_relax_credit_limits()
        self.assertEqual(self.customer.sudo().credit_limit, 60000.0)
        note = self.customer.message_ids.filtered(lambda m: "60" in (m.body or ""))[:1]
        self.assertTrue(note)
        self.assertChinese(note.body, "Credit limit relaxed")

"""CRD-2: tier A's limit, even set by hand, is not above the sales of the
contract's payment period; the cap is shown to those who may read it."""

from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import KefuCreditCase

ZH = {"lang": "zh_CN"}


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
@freeze_time("2026-06-30")
class TestCreditLimitCap(KefuCreditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")

    def hand_set(self, limit, user=None, context=None):
        partner = self.customer.with_user(user or self.controller)
        if context:
            partner = partner.with_context(**context)
        partner.write({"kefu_credit_limit_manual": True, "credit_limit": limit})

    def test_hand_set_limit_above_the_sales_is_refused_in_chinese(self):
        self.set_tier(self.customer, "A")
        self.assertEqual(self.customer.sudo().credit_limit, 0.0, "no sales: no credit")
        with self.assertRaises(ValidationError) as caught:
            self.hand_set(80000.0, context=ZH)
        message = str(caught.exception)
        self.assertIn("回款期", message)
        self.assertIn("80", message)
        self.customer.invalidate_recordset()
        self.assertEqual(self.customer.sudo().credit_limit, 0.0)
        self.assertFalse(self.customer.kefu_credit_limit_manual, "nothing written")

    def test_hand_set_limit_up_to_the_sales_of_the_payment_period(self):
        # 270,000 invoiced in the 90-day window, 30 days of payment term: 90,000.
        self.make_invoice(self.customer, 270000.0, date(2026, 6, 1))
        self.set_tier(self.customer, "A")
        self.assertEqual(self.customer.with_user(self.controller).kefu_credit_limit_cap, 90000.0)
        with self.assertRaises(ValidationError) as caught:
            self.hand_set(90000.01)
        self.assertIn("90,000.00", str(caught.exception))
        self.hand_set(90000.0)
        self.assertEqual(self.customer.sudo().credit_limit, 90000.0)
        self.hand_set(60000.0)
        self.customer.with_user(self.controller).action_kefu_recompute_credit_limit()
        self.assertEqual(self.customer.sudo().credit_limit, 60000.0, "a lower hand limit stays")

    def test_policy_again_lowers_a_hand_limit_once_the_sales_fall(self):
        self.make_invoice(self.customer, 270000.0, date(2026, 6, 1))
        self.set_tier(self.customer, "A")
        self.hand_set(80000.0)
        # Three months later the June invoice has left the window: 60,000 / 90 x 30.
        with freeze_time("2026-09-15"):
            invoice = self.make_invoice(self.customer, 60000.0, date(2026, 9, 1))
            # Held by OCA's risk check (exposure over the limit): posted past it.
            invoice.with_context(bypass_risk=True).action_post()
            self.assertEqual(self.customer.sudo()._kefu_sales_of_payment_period(), 20000.0)
            self.customer.with_user(self.controller).action_kefu_recompute_credit_limit()
        self.assertEqual(self.customer.sudo().credit_limit, 20000.0)
        self.assertTrue(self.customer.kefu_credit_limit_manual)

    def test_cap_is_readable_by_credit_and_finance_only(self):
        self.make_invoice(self.customer, 270000.0, date(2026, 6, 1))
        self.set_tier(self.customer, "A")
        for user in (self.controller, self.finance, self.cs_manager):
            values = self.customer.with_user(user).read(["kefu_credit_limit_cap"])
            self.assertEqual(values[0]["kefu_credit_limit_cap"], 90000.0)
        for user in (self.salesman, self.agent):
            with self.assertRaises(AccessError):
                self.customer.with_user(user).read(["kefu_credit_limit_cap"])
        # The credit page shows it to the credit group, not to a sales person.
        form = self.env.ref("base.view_partner_form")
        for user, shown in ((self.controller, True), (self.salesman, False)):
            arch = self.env["res.partner"].with_user(user).get_view(form.id)["arch"]
            fields_ = etree.fromstring(arch).xpath("//field[@name='kefu_credit_limit_cap']")
            self.assertEqual(bool(fields_), shown, user.login)

    def test_settings_say_which_defaults_are_the_company_choice(self):
        admin = self.make_user("t_credit_admin", "base.group_system")
        arch = self.env(user=admin, context=ZH)["res.config.settings"].get_view(
            self.env.ref("base.res_config_settings_view_form").id
        )["arch"]
        self.assertIn("90 天", arch)
        self.assertIn("由公司自行决定", arch)

    def test_investigation_cannot_propose_more_than_the_sales(self):
        # Refused when Finance submits its evaluation, not at the last signature.
        self.make_invoice(self.customer, 270000.0, date(2026, 6, 1))
        investigation = (
            self.env["kefu.credit.investigation"]
            .with_user(self.salesman)
            .create({"partner_id": self.customer.id, "channel": "visit"})
        )
        investigation.write({"section_identity": "Registered 2015.", "section_payment": "Fine."})
        investigation.action_submit()
        mine = investigation.with_user(self.finance)
        mine.write({"finance_evaluation": "Sound.", "proposed_tier": "A", "proposed_limit": 95000})
        with self.assertRaises(UserError) as caught:
            mine.with_context(**ZH).action_request_approval()
        self.assertIn("回款期", str(caught.exception))
        self.assertFalse(investigation.review_ids)
        mine.write({"proposed_limit": 90000.0})
        mine.action_request_approval()
        investigation.with_user(self.controller).validate_tier()
        self.assertEqual(self.customer.kefu_credit_tier, "A")
        self.assertEqual(self.customer.sudo().credit_limit, 90000.0)

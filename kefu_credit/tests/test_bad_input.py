"""Issue 13 item 6: the over-limit amount needing the General Manager (CRD-3)
must be a finite amount, through the ORM and over JSON-RPC without a context."""

import math

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.kefu_management.tests.common import KefuRpcMixin

from .common import KefuCreditCase

BAD_AMOUNTS = [
    (math.nan, "必须是有限的数字"),
    (math.inf, "必须是有限的数字"),
    ("much", "必须是有限的数字"),
    (0.0, "必须在 1 到 1000000000000 之间"),
    (1e300, "必须在 1 到 1000000000000 之间"),
]

# ORM callers carry the language in their context; RPC without one is tested below.
ZH = {"lang": "zh_CN"}


def _admin_zh(env):
    return new_test_user(env, "bi_credit_admin", groups="base.group_system", lang="zh_CN")


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestCreditBadInput(KefuCreditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin_zh = _admin_zh(cls.env)

    def test_gm_approval_amount_must_be_finite(self):
        settings = self.env(user=self.admin_zh, context=ZH)["res.config.settings"]
        get = self.env["kefu.settings"].get_value
        before = get("kefu_crd_gm_approval_amount")
        for bad, message in BAD_AMOUNTS:
            with self.subTest(bad=bad), self.assertRaises(ValidationError) as caught:
                settings.create({"kefu_crd_gm_approval_amount": bad}).execute()
            self.assertIn(message, str(caught.exception))
        self.assertEqual(get("kefu_crd_gm_approval_amount"), before)

    def test_stored_nan_falls_back_to_the_default(self):
        # CRD-3: a NaN threshold compared false with every amount: the GM tier
        # could never trigger. A bad stored value now reads as the default.
        ICP = self.env["ir.config_parameter"].sudo()
        ICP.set_param("kefu_credit.gm_approval_amount", "NaN")
        with self.assertLogs("odoo.addons.kefu_management.models.base.kefu_settings"):
            self.assertEqual(
                self.env["kefu.settings"].get_value("kefu_crd_gm_approval_amount"), 100000.0
            )


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestCreditBadInputRpc(KefuRpcMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        _admin_zh(cls.env)

    def test_gm_approval_amount_over_rpc(self):
        ICP = self.env["ir.config_parameter"].sudo()
        before = ICP.get_param("kefu_credit.gm_approval_amount")
        for bad, message in BAD_AMOUNTS:
            with self.subTest(bad=bad):
                self.assertRpcRefused(
                    "bi_credit_admin",
                    "res.config.settings",
                    "create",
                    {"kefu_crd_gm_approval_amount": bad},
                    message=message,
                )
        self.assertEqual(ICP.get_param("kefu_credit.gm_approval_amount"), before)

"""CON-9: the amounts that add the General Manager's review are settings, and the
tier definition follows them."""

import math

from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .common import KefuContractCase

ZH = {"lang": "zh_CN"}


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestReviewTiers(KefuContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin_zh = new_test_user(
            cls.env, "t_con_admin_zh", groups="base.group_system", lang="zh_CN"
        )
        cls.get = cls.env["kefu.settings"].get_value

    def set_amounts(self, general, new, user=None):
        settings = self.env(user=user or self.admin_zh, context=ZH)["res.config.settings"]
        settings.create(
            {"kefu_con_gm_review_amount": general, "kefu_con_gm_review_amount_new": new}
        ).execute()

    def roles(self, amount, customer_type="regular"):
        contract = self.make_submitted(amount=amount, customer_type=customer_type)
        return set(contract.review_ids.mapped("kefu_contract_role"))

    def test_defaults_are_the_department_amounts(self):
        self.assertEqual(self.get("kefu_con_gm_review_amount"), 1000000.0)
        self.assertEqual(self.get("kefu_con_gm_review_amount_new"), 300000.0)
        self.assertIn("management", self.roles(1000000.0))
        self.assertNotIn("management", self.roles(999999.0))
        self.assertIn("management", self.roles(300000.0, "new"))
        self.assertNotIn("management", self.roles(299999.0, "new"))

    def test_changed_threshold_moves_the_general_manager_tier(self):
        self.set_amounts(500000.0, 100000.0)
        self.assertIn("management", self.roles(500001.0))
        self.assertNotIn("management", self.roles(499999.0))
        self.assertIn("management", self.roles(100001.0, "new"))
        self.assertNotIn("management", self.roles(99999.0, "new"))
        # Raised again: the same amount no longer needs the General Manager.
        self.set_amounts(2000000.0, 600000.0)
        self.assertNotIn("management", self.roles(1500000.0))
        self.assertNotIn("management", self.roles(500000.0, "new"))

    def test_contracts_needing_the_general_manager_can_be_searched(self):
        self.set_amounts(500000.0, 100000.0)
        large = self.make_contract(amount=600000.0)
        small = self.make_contract(amount=400000.0)
        new = self.make_contract(amount=200000.0, customer_type="new")
        found = self.Contract.search(
            [("id", "in", (large | small | new).ids), ("needs_general_manager", "=", True)]
        )
        self.assertEqual(found, large | new)
        self.assertFalse(small.needs_general_manager)

    def test_bad_amounts_are_refused_in_chinese_with_nothing_written(self):
        ICP = self.env["ir.config_parameter"].sudo()
        before = (
            ICP.get_param("kefu_contract.gm_review_amount"),
            ICP.get_param("kefu_contract.gm_review_amount_new"),
        )
        for general, new, message in [
            (math.nan, 300000.0, "必须是有限的数字"),
            (math.inf, 300000.0, "必须是有限的数字"),
            (1000000.0, -math.inf, "必须是有限的数字"),
            (0.0, 300000.0, "必须在 1 到 1000000000000 之间"),
            (500000.0, 600000.0, "不能大于"),
        ]:
            with self.subTest(general=general, new=new):
                with self.assertRaises(ValidationError) as caught:
                    self.set_amounts(general, new)
                self.assertIn(message, str(caught.exception))
        self.assertEqual(
            (
                ICP.get_param("kefu_contract.gm_review_amount"),
                ICP.get_param("kefu_contract.gm_review_amount_new"),
            ),
            before,
        )

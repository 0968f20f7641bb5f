from odoo.tests import Form, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestTierDefinitionHost(TransactionCase):
    """Host first: OCA's tier definition form serves every model with tier
    validation. kefu's elements show on the tier definitions of kefu's documents
    and to the groups that read them, never on a sale order's or another host
    model's, and a Settings admin without kefu groups uses the form as before."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.admin = new_test_user(cls.env, "t_tier_admin", groups="base.group_system")
        cls.cs_manager = new_test_user(
            cls.env,
            "t_tier_cs_manager",
            groups="base.group_erp_manager,kefu_management.group_kefu_manager",
        )
        cls.finance = new_test_user(
            cls.env, "t_tier_finance", groups="account.group_account_manager"
        )
        cls.employee = new_test_user(cls.env, "t_tier_employee", groups="base.group_user")
        cls.reviewer = new_test_user(cls.env, "t_tier_reviewer", groups="base.group_user")
        cls.Definition = cls.env["tier.definition"]
        cls.order_tier = cls.Definition.create(
            {
                "name": "Sale order approval",
                "model_id": cls.env.ref("sale.model_sale_order").id,
                "review_type": "individual",
                "reviewer_id": cls.reviewer.id,
            }
        )
        cls.contract_tier = cls.env.ref("kefu_contract.tier_definition_contract_finance")
        cls.plan_tier = cls.env.ref("kefu_contract.tier_definition_business_plan_finance")
        cls.retrieval_tier = cls.env.ref("kefu_contract.tier_definition_contract_retrieval")

    def kefu_shown(self, definition, user):
        """kefu's fields on the form as ``user`` gets it rendered: in the view
        (groups) and not invisible (modifiers evaluated on the record)."""
        form = Form(definition.with_user(user))
        view = form._view
        return {
            name
            for name in view["fields"]
            if name.startswith("kefu_") and not form._get_modifier(name, "invisible")
        }

    def test_sale_order_tier_shows_nothing_of_kefu(self):
        for user in (self.admin, self.cs_manager, self.finance, self.employee):
            with self.subTest(user=user.login):
                self.assertFalse(self.kefu_shown(self.order_tier, user))

    def test_kefu_review_tiers_show_their_role(self):
        for definition in (self.contract_tier, self.plan_tier):
            for user in (self.admin, self.cs_manager, self.finance):
                with self.subTest(definition=definition.name, user=user.login):
                    self.assertEqual(self.kefu_shown(definition, user), {"kefu_contract_role"})
        # A retrieval has one General Manager tier: no review role to give.
        self.assertFalse(self.kefu_shown(self.retrieval_tier, self.admin))

    def test_role_hidden_from_employees_outside_contract_groups(self):
        self.assertFalse(self.kefu_shown(self.contract_tier, self.employee))

    def test_settings_admin_creates_and_edits_a_host_tier_as_before(self):
        Definition = self.Definition.with_user(self.admin)
        form = Form(Definition)
        form.name = "Order check by the reviewer"
        form.model_id = self.env.ref("sale.model_sale_order")
        form.review_type = "individual"
        form.reviewer_id = self.reviewer
        form.notify_on_create = True
        definition = form.save()
        self.assertEqual(definition.model, "sale.order")
        self.assertEqual(definition.reviewer_id, self.reviewer)
        self.assertFalse(definition.kefu_contract_role)

        with Form(definition) as edit:
            edit.review_type = "group"
            edit.reviewer_group_id = self.env.ref("sales_team.group_sale_manager")
            edit.approve_sequence = True
        self.assertEqual(definition.review_type, "group")
        self.assertEqual(
            definition.reviewer_group_id, self.env.ref("sales_team.group_sale_manager")
        )
        self.assertTrue(definition.approve_sequence)
        self.assertFalse(definition.kefu_contract_role)
        self.assertIn(definition, Definition.search([("model", "=", "sale.order")]))

from datetime import date

from odoo.exceptions import AccessError
from odoo.osv import expression
from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from ..common import KefuCase


@tagged("post_install", "-at_install", "kefu", "kefu_archive", "kefu_access")
class TestMultiCompanyRules(KefuCase):
    """Each company sees its own records: a user of company B neither finds nor
    reads company A's data forms (nor the other kefu records that belong to a
    company); a user of both companies sees both."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.company
        cls.company_b = cls.env["res.company"].create({"name": "Kefu Branch B"})
        groups = "kefu_management.group_kefu_manager"
        cls.user_a = new_test_user(
            cls.env,
            "t_mc_a",
            groups=groups,
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.user_b = new_test_user(
            cls.env,
            "t_mc_b",
            groups=groups,
            company_id=cls.company_b.id,
            company_ids=[(6, 0, cls.company_b.ids)],
        )
        cls.user_ab = new_test_user(
            cls.env,
            "t_mc_ab",
            groups=groups,
            company_id=cls.company_a.id,
            company_ids=[(6, 0, (cls.company_a | cls.company_b).ids)],
        )
        cls.partner = cls.env["res.partner"].create({"name": "Two Sites Co.", "is_company": True})
        cls.calendar_b = cls.calendar.copy(
            {"name": "Branch B calendar", "company_id": cls.company_b.id}
        )
        cls.records = {}
        for company, calendar, key in (
            (cls.company_a, cls.calendar, "a"),
            (cls.company_b, cls.calendar_b, "b"),
        ):
            cls.records[("kefu.archive.form", key)] = cls.env["kefu.archive.form"].create(
                {
                    "partner_id": cls.partner.id,
                    "user_id": cls.agent.id,
                    "company_id": company.id,
                }
            )
            cls.records[("kefu.customer.report", key)] = cls.env["kefu.customer.report"].create(
                {
                    "user_id": cls.agent.id,
                    "period": date(2031, 1, 1) if key == "a" else date(2031, 2, 1),
                    "date_due": date(2031, 3, 5),
                    "company_id": company.id,
                }
            )
            cls.records[("kefu.callback.source", key)] = cls.env["kefu.callback.source"].create(
                {"name": f"Install {key}", "partner_id": cls.partner.id, "company_id": company.id}
            )
            cls.records[("kefu.makeup.day", key)] = cls.env["kefu.makeup.day"].create(
                {
                    "name": f"Make-up {key}",
                    "date": date(2031, 2, 8),  # a Saturday
                    "calendar_id": calendar.id,
                    "work_as": "0",
                }
            )

    def test_records_of_each_company_belong_to_it(self):
        for (model, key), record in self.records.items():
            company = self.company_a if key == "a" else self.company_b
            self.assertEqual(record.company_id, company, model)

    def test_user_of_company_b_does_not_see_company_a_data_forms(self):
        Form = self.env["kefu.archive.form"].with_user(self.user_b)
        form_a = self.records[("kefu.archive.form", "a")]
        form_b = self.records[("kefu.archive.form", "b")]
        found = Form.search([("partner_id", "=", self.partner.id)])
        self.assertEqual(found, form_b)
        self.assertEqual(Form.search_count([("id", "=", form_a.id)]), 0)
        self.assertFalse(Form.name_search(form_a.display_name, [("id", "=", form_a.id)]))
        with self.assertRaises(AccessError):
            form_a.with_user(self.user_b).read(["company_name", "partner_id"])
        with self.assertRaises(AccessError):
            form_a.with_user(self.user_b).write({"company_name": "Taken over"})

    def test_user_of_each_company_sees_only_its_own(self):
        for (model, key), record in self.records.items():
            other = self.records[(model, "b" if key == "a" else "a")]
            user = self.user_a if key == "a" else self.user_b
            with self.subTest(model=model, company=key):
                Model = self.env[model].with_user(user)
                found = Model.search([("id", "in", (record | other).ids)])
                self.assertEqual(found, record)
                with self.assertRaises(AccessError):
                    other.with_user(user).check_access("read")

    def test_user_of_both_companies_sees_both(self):
        for model in {model for model, _key in self.records}:
            with self.subTest(model=model):
                both = self.records[(model, "a")] | self.records[(model, "b")]
                found = self.env[model].with_user(self.user_ab).search([("id", "in", both.ids)])
                self.assertEqual(found, both)
                both.with_user(self.user_ab).check_access("read")

    def test_every_kefu_model_with_a_company_is_kept_to_its_company(self):
        """Every stored kefu model with a company (kefu_credit's and kefu_contract's
        too, when installed): its global rules keep a record of company A from a
        user of company B only, and let a user of both companies see it."""
        Rule = self.env["ir.rule"].sudo()
        checked = []
        for name, model in self.env.registry.items():
            field = model._fields.get("company_id")
            if (
                not name.startswith("kefu.")
                or model._transient
                or model._abstract
                or not field
                or not field.store
                or field.comodel_name != "res.company"
            ):
                continue
            rules = Rule.search([("model_id.model", "=", name), ("global", "=", True)])
            record = self.env[name].new({"company_id": self.company_a.id})
            for user, sees in ((self.user_b, False), (self.user_ab, True)):
                with self.subTest(model=name, user=user.login):
                    context = rules.with_user(user)._eval_context()
                    domain = expression.AND(
                        [safe_eval(rule.domain_force or "[]", context) for rule in rules]
                    )
                    self.assertEqual(bool(record.filtered_domain(domain)), sees)
            checked.append(name)
        self.assertIn("kefu.archive.form", checked)

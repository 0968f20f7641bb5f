"""Issue 12, finding 3: an emergency credit report (CRD-7, CRD-10) is seen by its
reporter, his superior and the credit group; the superior is the reporter's manager
or a member of the Emergency Report Superior group, never the reporter; only he
decides and lifts the measures; the reported facts are not rewritten."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import KefuCreditCase
from .common import KefuCreditRpcMixin

GUARDED = "change only through the document's own actions"
NOT_SUPERIOR = "cannot be the superior of this report"
FACTS = "The facts of an emergency report are fixed once reported"


class KefuEmergencyAttackCase(KefuCreditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.set_tier(cls.customer, "B")
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Jiaxing Paper Mill", "is_company": True}
        )
        cls.set_tier(cls.other_customer, "B")
        cls.suspend = cls.env.ref("kefu_credit.kefu_credit_measure_suspend")
        cls.Report = cls.env["kefu.credit.emergency.report"]

    def raise_report(self, reporter, partner=None, superior=None):
        return self.Report.with_user(reporter).create(
            {
                "partner_id": (partner or self.customer).id,
                "superior_id": (superior or self.marketing).id,
                "description": "The customer's main plant was sealed by the court.",
                "evidence": "Court notice 2026-17.",
            }
        )

    def suspended_report(self, partner):
        """A report of the salesman, decided by his superior: supply suspended."""
        report = self.raise_report(self.salesman, partner=partner)
        report.with_user(self.marketing).action_decide(self.suspend)
        self.assertTrue(partner.kefu_credit_suspended)
        return report

    def snapshot(self, report):
        """What the database holds, read as the superuser (the customer's suspension
        is for credit readers only)."""
        self.env.invalidate_all()
        report = report.sudo()
        return report.read(
            [
                "partner_id",
                "reporter_id",
                "superior_id",
                "state",
                "measure_ids",
                "description",
                "evidence",
                "decided_by_id",
                "lifted_by_id",
                "notify_customer",
            ]
        ) + report.partner_id.read(["kefu_credit_suspended"])


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestEmergencyIntegrity(KefuEmergencyAttackCase):
    def test_employee_names_himself_superior_and_suspends(self):
        """Finding 3: a plain employee named himself superior and suspended supply."""
        with self.assertRaisesRegex(UserError, NOT_SUPERIOR):
            self.raise_report(self.employee, superior=self.employee)
        self.assertFalse(self.Report.search([("partner_id", "=", self.customer.id)]))
        report = self.raise_report(self.employee)
        before = self.snapshot(report)
        mine = report.with_user(self.employee)
        with self.assertRaisesRegex(AccessError, GUARDED):
            mine.write({"superior_id": self.employee.id})
        with self.assertRaises(AccessError):
            mine.write({"measure_ids": [(6, 0, self.suspend.ids)]})
        with self.assertRaises(AccessError):
            mine.action_decide(self.suspend)
        with self.assertRaisesRegex(AccessError, GUARDED):
            mine.write({"state": "decided"})
        with self.assertRaisesRegex(AccessError, GUARDED):
            mine.with_context(kefu_credit_decision=True).write(
                {"state": "decided", "measure_ids": [(6, 0, self.suspend.ids)]}
            )
        self.assertEqual(self.snapshot(report), before)
        self.assertFalse(self.customer.kefu_credit_suspended)

    def test_employee_lifts_another_customers_suspension(self):
        """Finding 3: lifted the suspension of a customer on someone else's report."""
        report = self.suspended_report(self.other_customer)
        before = self.snapshot(report)
        theirs = report.with_user(self.employee)
        with self.assertRaises(AccessError):
            theirs.write({"superior_id": self.employee.id})
        with self.assertRaises(AccessError):
            theirs.action_lift()
        with self.assertRaises(AccessError):
            theirs.write({"state": "lifted"})
        # Re-pointing the report moves the suspension to another customer.
        with self.assertRaises(AccessError):
            report.with_user(self.salesman).write({"partner_id": self.customer.id})
        self.assertEqual(self.snapshot(report), before)
        self.assertTrue(self.other_customer.kefu_credit_suspended)
        self.assertFalse(self.customer.kefu_credit_suspended)

    def test_created_and_decided_by_the_reporter(self):
        """Finding 3: created and decided his own report, also as a General Manager."""
        for vals in (
            {"state": "decided", "decided_by_id": self.employee.id},
            {"measure_ids": [(6, 0, self.suspend.ids)]},
            {"reporter_id": self.salesman.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                self.Report.with_user(self.employee).create(
                    {
                        "partner_id": self.customer.id,
                        "superior_id": self.marketing.id,
                        "description": "x",
                        **vals,
                    }
                )
        with self.assertRaisesRegex(UserError, NOT_SUPERIOR):
            self.raise_report(self.general_manager, superior=self.general_manager)
        report = self.raise_report(self.general_manager)
        with self.assertRaises(AccessError):
            report.with_user(self.general_manager).action_decide(self.suspend)
        self.assertEqual(report.state, "reported")
        self.assertFalse(self.customer.kefu_credit_suspended)

    def test_others_reports_are_neither_read_nor_rewritten(self):
        """Finding 3: read and rewrote someone else's description and evidence."""
        report = self.raise_report(self.salesman)
        before = self.snapshot(report)
        Report = self.Report.with_user(self.employee)
        self.assertFalse(Report.search([("id", "=", report.id)]))
        with self.assertRaises(AccessError):
            report.with_user(self.employee).read(["description"])
        with self.assertRaises(AccessError):
            report.with_user(self.employee).write({"description": "Nothing happened."})
        # Not the reporter himself either, nor the superior, once reported.
        for user in (self.salesman, self.marketing):
            with self.subTest(user=user.login), self.assertRaisesRegex(AccessError, FACTS):
                report.with_user(user).write({"description": "Rewritten", "evidence": "None"})
        self.assertEqual(self.snapshot(report), before)
        # Who sees it: reporter, superior, credit group.
        for user in (self.salesman, self.marketing, self.controller, self.cs_manager):
            self.assertEqual(self.Report.with_user(user).search([("id", "=", report.id)]), report)
        for user in (self.employee, self.salesman2, self.agent):
            self.assertFalse(self.Report.with_user(user).search([("id", "=", report.id)]))

    def test_default_superior_is_never_the_reporter(self):
        group = self.env.ref("kefu_credit.group_kefu_credit_superior")
        self.assertIn(self.marketing, group.users)
        report = self.Report.with_user(self.marketing).create(
            {"partner_id": self.customer.id, "description": "Owner changed."}
        )
        self.assertTrue(report.superior_id)
        self.assertNotEqual(report.superior_id, self.marketing)
        self.assertIn(report.superior_id, group.users)


@tagged("post_install", "-at_install", "kefu", "kefu_credit")
class TestEmergencyIntegrityRpc(KefuCreditRpcMixin, HttpCase, KefuEmergencyAttackCase):
    def test_rpc_employee_superior_suspension_and_facts(self):
        model = "kefu.credit.emergency.report"
        vals = {
            "partner_id": self.customer.id,
            "superior_id": self.employee.id,
            "description": "Forged",
        }
        self.assertRpcRefused("t_employee_credit", model, "create", [vals], message=NOT_SUPERIOR)
        report = self.raise_report(self.employee)
        before = self.snapshot(report)
        login = "t_employee_credit"
        self.assertRpcRefused(
            login, model, "write", report.ids, {"superior_id": self.employee.id}, message=GUARDED
        )
        self.assertRpcRefused(
            login,
            model,
            "write",
            report.ids,
            {"state": "decided", "measure_ids": [[6, 0, self.suspend.ids]]},
            context={"kefu_credit_decision": True},
            message=GUARDED,
        )
        self.assertRpcRefused(login, model, "action_decide", report.ids, self.suspend.ids)
        self.assertRpcRefused(
            login, model, "write", report.ids, {"description": "Rewritten"}, message=FACTS
        )
        self.assertEqual(self.snapshot(report), before)
        other = self.suspended_report(self.other_customer)
        before = self.snapshot(other)
        self.assertRpcRefused(login, model, "action_lift", other.ids)
        self.assertRpcRefused(login, model, "read", other.ids, ["description"])
        self.assertEqual(self.snapshot(other), before)
        self.assertTrue(self.other_customer.kefu_credit_suspended)

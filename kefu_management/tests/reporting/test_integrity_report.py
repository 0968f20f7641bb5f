from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .test_kpi import KefuKpiCase

FORBIDDEN = ("state", "attachment_id", "deadline", "user_id", "generated_on", "by_cron")


@tagged("post_install", "-at_install", "kefu", "kefu_reporting", "kefu_integrity")
class TestReportIntegrity(KefuKpiCase):
    """Integrity: an archived report's file, state, due day and responsible person
    change only through its actions and schedules (RPT-1, RPT-2, RPT-4, CBK-6)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2031-04-10 02:00:00"):
            cls.report = (
                cls.env["kefu.kpi.report"]
                .with_user(cls.agent)
                .create(
                    {
                        "kind": "quality",
                        "date_from": date(2031, 3, 1),
                        "date_to": date(2031, 3, 31),
                    }
                )
            )
            cls.report.action_generate()

    def _values(self):
        return self.report.sudo().read(list(FORBIDDEN))[0]

    def test_generated_report_cannot_be_rewritten_by_its_owner_or_a_manager(self):
        before = self._values()
        self.assertEqual(before["state"], "done")
        fake = self.env["ir.attachment"].create({"name": "forged.xlsx", "raw": b"forged"})
        for user in (self.agent, self.manager):
            for vals in (
                {"state": "draft"},
                {"attachment_id": fake.id},
                {"deadline": date(2031, 12, 31)},
                {"user_id": self.manager.id if user == self.agent else self.agent.id},
            ):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(AccessError):
                    self.report.with_user(user).write(vals)
        self.report.invalidate_recordset()
        self.assertEqual(self._values(), before)

    def test_generate_again_is_the_way_to_a_new_file(self):
        old = self.report.attachment_id
        with freeze_time("2031-04-11 02:00:00"):
            self.report.with_user(self.agent).action_generate()
        self.assertEqual(self.report.state, "done")
        self.assertNotEqual(self.report.attachment_id, old)
        self.assertFalse(old.exists())

"""CON-3: the review reminders and overdue notes give the deadline in local time.

The notes are written on the contract's chatter (shared), so they give the time
on the company's working calendar (Asia/Shanghai here), in the company's
language, as ``ir.cron`` runs them (no language in the context).
"""

from freezegun import freeze_time

from odoo.tests import tagged

from .common import KefuContractCase


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestReviewNotesTimezone(KefuContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.company.partner_id.lang = "zh_CN"
        (cls.finance | cls.legal).write({"tz": "Asia/Shanghai", "lang": "zh_CN"})

    def submitted_friday_15h(self):
        contract = self.make_contract()
        with freeze_time(self.local(2027, 1, 8, 15, 0)):
            contract.with_user(self.salesman).action_submit()
        # Due Monday 15:00 in Shanghai, 07:00 UTC.
        self.assertEqual(
            self.review_of(contract, "finance").kefu_deadline, self.local(2027, 1, 11, 15, 0)
        )
        return contract

    def cron_notes(self, contract, method, *local):
        before = contract.message_ids
        with freeze_time(self.local(*local)):
            getattr(self.env(context={})["kefu.contract"], method)()
        return (contract.message_ids - before).filtered("body")

    def assertLocalDeadline(self, notes):
        self.assertEqual(len(notes), 3, "finance, legal and the CS credit opinion")
        for note in notes:
            self.assertIn("2027/1/11 15:00", note.body)
            self.assertNotIn("07:00", note.body)

    def test_reminder_gives_the_deadline_in_local_time(self):
        contract = self.submitted_friday_15h()
        notes = self.cron_notes(contract, "_cron_remind_reviews", 2027, 1, 11, 12, 30)
        self.assertLocalDeadline(notes)

    def test_overdue_note_gives_the_deadline_in_local_time(self):
        contract = self.submitted_friday_15h()
        notes = self.cron_notes(contract, "_cron_flag_overdue_reviews", 2027, 1, 11, 15, 30)
        self.assertLocalDeadline(notes)

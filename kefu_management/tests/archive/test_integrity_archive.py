"""Issue 12, findings 8, 12 (activities) and 13: an archive's secrecy (level,
period, classifier) and company change only through its actions, early
declassification needs a CS Manager cleared for the level and a reason recorded in
the chatter (ARC-11, ARC-12), and an activity never opens an archive to its
assignee (ARC-10). Each test does what the attacker did, as that user, and checks
that the refusal left the database as it was."""

from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from ..common import KefuRpcMixin
from .common import KefuArchiveCase

GUARDED = "change only through the document's own actions"
# Through RPC, as the web client sends it (context lang zh_CN): the Chinese text.
ZH = {"lang": "zh_CN"}
GUARDED_ZH = "只能通过单据自身的操作"
SECRECY = ["secrecy_level", "classified_on", "secrecy_end", "classified_by_id", "company_id"]


class KefuArchiveAttackCase(KefuArchiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # ORM calls carry an English context: the messages are asserted in English.
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.Archive = cls.env["kefu.archive"]
        cls.archives = {level: a.with_env(cls.env) for level, a in cls.archives.items()}
        cls.company2 = cls.env["res.company"].create({"name": "Other Co. (kefu)"})
        for user in (cls.agent, cls.manager, cls.general_manager):
            user.company_ids = [(4, cls.company2.id)]
        # An activity on the Top-secret archive, assigned to an agent (Secret clearance).
        cls.activity = cls.archives["top_secret"].activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=cls.agent.id,
            summary="Call the CEO about the acquisition",
            note="Acquisition price 80M",
        )

    def snapshot(self, archive):
        self.env.flush_all()
        self.env.invalidate_all()
        return {
            "archive": archive.read(SECRECY),
            "messages": len(archive.message_ids),
        }


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestArchiveIntegrity(KefuArchiveAttackCase):
    # Finding 8 --------------------------------------------------------------

    def test_agent_cannot_lower_a_secret_archive_by_writing_its_level(self):
        secret = self.archives["secret"]
        before = self.snapshot(secret)
        with self.assertRaisesRegex(AccessError, GUARDED):
            secret.with_user(self.agent).write({"secrecy_level": "none"})
        self.assertEqual(self.snapshot(secret), before)

    def test_agent_and_manager_cannot_move_the_period_to_the_past(self):
        for user, level in ((self.agent, "secret"), (self.manager, "confidential")):
            archive = self.archives[level]
            before = self.snapshot(archive)
            past = date.today() - timedelta(days=5)
            with self.assertRaisesRegex(AccessError, GUARDED):
                archive.with_user(user).write(
                    {"classified_on": past - timedelta(days=30), "secrecy_end": past}
                )
            with self.assertRaisesRegex(AccessError, GUARDED):
                archive.with_user(user).write({"secrecy_end": past})
            self.assertEqual(self.snapshot(archive), before)
            # So the declassification run leaves it alone.
            self.Archive._cron_declassify()
            self.assertEqual(archive.secrecy_level, level)

    def test_nobody_moves_an_archive_to_another_company_by_writing_it(self):
        for user in (self.agent, self.manager, self.general_manager):
            archive = self.archives["secret"]
            before = self.snapshot(archive)
            with self.assertRaisesRegex(AccessError, GUARDED):
                archive.with_user(user).write({"company_id": self.company2.id})
            self.assertEqual(self.snapshot(archive), before)

    def test_early_declassification_needs_a_cleared_cs_manager_and_a_reason(self):
        secret, top = self.archives["secret"], self.archives["top_secret"]
        before = self.snapshot(secret)
        # An agent may not declassify, nor shorten the period, even with a reason.
        with self.assertRaisesRegex(AccessError, "CS Manager"):
            secret.with_user(self.agent).action_change_secrecy("none", False, "No longer needed")
        with self.assertRaisesRegex(AccessError, "CS Manager"):
            secret.with_user(self.agent).action_change_secrecy(
                "secret", date.today() + timedelta(days=3), "Shorter"
            )
        # A CS Manager needs a reason, and a period that ends after today.
        with self.assertRaisesRegex(UserError, "reason"):
            secret.with_user(self.manager).action_change_secrecy("none", False, "  ")
        with self.assertRaisesRegex(ValidationError, "after today"):
            secret.with_user(self.manager).action_change_secrecy(
                "secret", date.today() - timedelta(days=1), "Ends"
            )
        self.assertEqual(self.snapshot(secret), before)
        # Nor may he declassify a level he is not cleared for.
        before_top = self.snapshot(top)
        with self.assertRaises(AccessError):
            top.with_user(self.manager).action_change_secrecy("none", False, "Obsolete")
        self.assertEqual(self.snapshot(top), before_top)
        # Through the wizard, with a reason: done, and recorded in the chatter.
        wizard = (
            self.env["kefu.archive.secrecy.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "archive_id": secret.id,
                    "secrecy_level": "none",
                    "reason": "The business ended last year",
                }
            )
        )
        wizard.action_apply()
        self.assertEqual(secret.secrecy_level, "none")
        self.assertIn("The business ended last year", secret.message_ids[0].body)
        self.assertEqual(secret.message_ids[0].author_id, self.manager.partner_id)
        # The General Manager (Top-secret clearance) may declassify Top secret.
        top.with_user(self.general_manager).action_change_secrecy(
            "confidential", top.secrecy_end, "Talks are public now"
        )
        self.assertEqual(top.secrecy_level, "confidential")
        self.assertEqual(top.classified_by_id, self.general_manager)

    def test_raising_the_level_or_extending_the_period_needs_the_clearance(self):
        none, secret = self.archives["none"], self.archives["secret"]
        end = date.today() + timedelta(days=100)
        with self.assertRaisesRegex(AccessError, "not cleared"):
            none.with_user(self.agent).action_change_secrecy("confidential", end, "Important")
        none.with_user(self.agent).action_change_secrecy("secret", end, "Ordinary business")
        self.assertEqual(
            (none.secrecy_level, none.classified_by_id, none.classified_on, none.secrecy_end),
            ("secret", self.agent, date.today(), end),
        )
        self.assertEqual(none.classification_reason, "Ordinary business")
        longer = secret.secrecy_end + timedelta(days=30)
        secret.with_user(self.agent).action_change_secrecy("secret", longer, "Renewed")
        self.assertEqual(secret.secrecy_end, longer)
        self.assertIn("Renewed", secret.message_ids[0].body)

    # Finding 13 -------------------------------------------------------------

    def test_agent_cannot_name_the_classifier_or_date_at_creation(self):
        partner = self.env["res.partner"].create({"name": "Spoof Co.", "is_company": True})
        base = {
            "partner_id": partner.id,
            "secrecy_level": "secret",
            "secrecy_end": date.today() + timedelta(days=90),
        }
        Archive = self.Archive.with_user(self.agent)
        with self.assertRaisesRegex(AccessError, GUARDED):
            Archive.create({**base, "classified_by_id": self.general_manager.id})
        with self.assertRaisesRegex(AccessError, GUARDED):
            Archive.create({**base, "classified_on": date.today() - timedelta(days=400)})
        self.assertFalse(self.Archive.search([("partner_id", "=", partner.id)]))
        # The system names the classifier and the date.
        archive = Archive.create(base)
        self.assertEqual(archive.classified_by_id, self.agent)
        self.assertEqual(archive.classified_on, date.today())

    # Finding 12: activities ---------------------------------------------------

    def test_activity_does_not_open_an_archive_its_assignee_cannot_read(self):
        top = self.archives["top_secret"]
        Activity = self.env["mail.activity"].with_user(self.agent)
        self.assertFalse(Activity.search([("id", "=", self.activity.id)]))
        self.assertFalse(Activity.search([("user_id", "=", self.agent.id)]) & self.activity)
        with self.assertRaises(AccessError):
            Activity.browse(self.activity.id).read(["summary", "note", "res_name"])
        before = self.snapshot(top)
        with self.assertRaises(AccessError):
            Activity.browse(self.activity.id).action_feedback(feedback="posted on the archive")
        self.assertEqual(self.snapshot(top), before)
        self.assertTrue(self.activity.exists())
        # Activities on archives he reads, and elsewhere, are untouched.
        mine = self.archives["secret"].activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.agent.id, summary="visible"
        )
        self.assertEqual(Activity.search([("id", "=", mine.id)]), mine)


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestArchiveIntegrityRpc(KefuRpcMixin, HttpCase, KefuArchiveAttackCase):
    def test_rpc_secrecy_forgeries(self):
        model = "kefu.archive"
        secret = self.archives["secret"]
        before = self.snapshot(secret)
        past = str(date.today() - timedelta(days=3))
        self.assertRpcRefused(
            "t_agent",
            model,
            "write",
            secret.ids,
            {"secrecy_level": "none"},
            message=GUARDED_ZH,
            context=ZH,
        )
        self.assertRpcRefused(
            "t_agent",
            model,
            "write",
            secret.ids,
            {"secrecy_end": past},
            message=GUARDED_ZH,
            context=ZH,
        )
        self.assertRpcRefused(
            "t_manager", model, "write", secret.ids, {"company_id": self.company2.id}
        )
        self.assertRpcRefused(
            "t_agent",
            model,
            "action_change_secrecy",
            secret.ids,
            "none",
            False,
            "Please",
            message="客服部经理",
            context=ZH,
        )
        self.assertEqual(self.snapshot(secret), before)
        partner = self.env["res.partner"].create({"name": "Rpc Spoof Co.", "is_company": True})
        self.assertRpcRefused(
            "t_agent",
            model,
            "create",
            [
                {
                    "partner_id": partner.id,
                    "secrecy_level": "secret",
                    "secrecy_end": str(date.today() + timedelta(days=9)),
                    "classified_by_id": self.general_manager.id,
                }
            ],
            message=GUARDED_ZH,
            context=ZH,
        )
        self.assertFalse(self.Archive.search([("partner_id", "=", partner.id)]))

    def test_rpc_activity_on_an_unreadable_archive(self):
        top = self.archives["top_secret"]
        before = self.snapshot(top)
        result, error = self.rpc(
            "t_agent", "mail.activity", "search_read", [("id", "=", self.activity.id)], ["note"]
        )
        self.assertFalse(error)
        self.assertEqual(result, [])
        self.assertRpcRefused("t_agent", "mail.activity", "read", [self.activity.id], ["summary"])
        self.assertRpcRefused(
            "t_agent", "mail.activity", "action_feedback", [self.activity.id], feedback="hello"
        )
        self.assertEqual(self.snapshot(top), before)

"""Issue 12, findings 9 and 12 (destruction): a destruction request is made only
for an archive its requester reads, changes state only through its actions, each
tier is signed by a different person holding that tier's role (ARC-9), and a
request shows nothing of an archive above the reader's clearance (ARC-11)."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from ..common import KefuRpcMixin
from .common import KefuArchiveCase

GUARDED = "change only through the document's own actions"
# Through RPC, as the web client sends it (context lang zh_CN): the Chinese text.
ZH = {"lang": "zh_CN"}
GUARDED_ZH = "只能通过单据自身的操作"
FIELDS = ["state", "archive_id", "destroyed_on", "destroyed_by_id", "certificate", "secrecy_level"]


class KefuDestructionAttackCase(KefuArchiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # ORM calls carry an English context: the messages are asserted in English.
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.Archive = cls.env["kefu.archive"]
        cls.archives = {level: a.with_env(cls.env) for level, a in cls.archives.items()}
        cls.Destruction = cls.env["kefu.archive.destruction"]
        cls.manager2 = new_test_user(
            cls.env, "t_manager2", groups="kefu_management.group_kefu_manager"
        )
        cls.gm2 = new_test_user(
            cls.env, "t_gm2", groups="kefu_management.group_kefu_general_manager"
        )

    def request(self, level, user=None):
        request = self.Destruction.with_user(user or self.manager).create(
            {"archive_id": self.archives[level].id, "reason": "Obsolete"}
        )
        request.request_validation()
        return request

    def snapshot(self, request):
        self.env.flush_all()
        self.env.invalidate_all()
        archive = request.archive_id
        archive.invalidate_recordset()
        return {
            "request": request.read(FIELDS),
            "reviews": request.review_ids.read(["status", "done_by"]),
            "archive": archive.read(["org_structure", "active", "destroyed"]),
        }


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestDestructionIntegrity(KefuDestructionAttackCase):
    def test_supervisor_cannot_request_destruction_of_an_archive_he_cannot_read(self):
        top = self.archives["top_secret"]
        with self.assertRaisesRegex(AccessError, "cannot read"):
            self.Destruction.with_user(self.supervisor).create(
                {"archive_id": top.id, "reason": "Obsolete"}
            )
        self.assertFalse(self.Destruction.search([("archive_id", "=", top.id)]))

    def test_request_cannot_be_created_destroyed_with_a_fake_certificate(self):
        archive = self.archives["secret"]
        for vals in (
            {"state": "destroyed", "certificate": "<p>Approved by everyone</p>"},
            {"certificate": "<p>Approved by everyone</p>"},
            {"destroyed_by_id": self.general_manager.id},
        ):
            with self.assertRaisesRegex(AccessError, GUARDED):
                self.Destruction.with_user(self.supervisor).create(
                    {"archive_id": archive.id, "reason": "Obsolete", **vals}
                )
        self.assertFalse(self.Destruction.search([("archive_id", "=", archive.id)]))
        request = self.request("secret", self.supervisor)
        before = self.snapshot(request)
        for user in (self.supervisor, self.manager):
            with self.assertRaisesRegex(AccessError, GUARDED):
                request.with_user(user).write({"state": "destroyed", "certificate": "<p>x</p>"})
            with self.assertRaisesRegex(AccessError, GUARDED):
                request.with_user(user).write({"archive_id": self.archives["none"].id})
        self.assertEqual(self.snapshot(request), before)

    def test_general_manager_cannot_sign_the_supervisor_or_manager_tier(self):
        request = self.request("secret")
        before = self.snapshot(request)
        with self.assertRaisesRegex(UserError, "role"):
            request.with_user(self.general_manager).validate_tier()
        self.assertEqual(self.snapshot(request), before)
        request.with_user(self.supervisor).validate_tier()
        before = self.snapshot(request)
        with self.assertRaisesRegex(UserError, "role"):
            request.with_user(self.general_manager).validate_tier()
        self.assertEqual(self.snapshot(request), before)
        request.with_user(self.manager2).validate_tier()
        request.with_user(self.general_manager).validate_tier()
        self.assertTrue(request.validated)
        self.assertEqual(
            request.review_ids.sorted("sequence").done_by,
            self.supervisor | self.manager2 | self.general_manager,
        )
        request.with_user(self.gm2).action_destroy()
        self.assertEqual(request.state, "destroyed")
        self.assertFalse(request.archive_id.org_structure)

    def test_supervisor_does_not_see_requests_of_archives_above_his_clearance(self):
        request = self.request("top_secret", self.general_manager)
        Destruction = self.Destruction.with_user(self.supervisor)
        self.assertFalse(Destruction.search([("id", "=", request.id)]))
        with self.assertRaises(AccessError):
            Destruction.browse(request.id).read(["secrecy_level", "partner_id"])
        self.assertEqual(
            self.Destruction.with_user(self.gm2).search([("id", "=", request.id)]), request
        )


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestDestructionIntegrityRpc(KefuRpcMixin, HttpCase, KefuDestructionAttackCase):
    def test_rpc_destruction_forgeries(self):
        model = "kefu.archive.destruction"
        top = self.archives["top_secret"]
        self.assertRpcRefused(
            "t_supervisor",
            model,
            "create",
            [{"archive_id": top.id, "reason": "Obsolete"}],
            message="您无权阅读该档案",
            context=ZH,
        )
        self.assertRpcRefused(
            "t_supervisor",
            model,
            "create",
            [
                {
                    "archive_id": self.archives["secret"].id,
                    "reason": "Obsolete",
                    "state": "destroyed",
                    "certificate": "<p>fake</p>",
                }
            ],
            message=GUARDED_ZH,
            context=ZH,
        )
        self.assertFalse(
            self.Destruction.search([("archive_id", "in", [top.id, self.archives["secret"].id])])
        )
        request = self.request("secret")
        before = self.snapshot(request)
        self.assertRpcRefused(
            "t_gm",
            model,
            "validate_tier",
            request.ids,
            message="担任该级职务的不同人员",
            context=ZH,
        )
        self.assertRpcRefused(
            "t_supervisor",
            model,
            "write",
            request.ids,
            {"state": "destroyed"},
            message=GUARDED_ZH,
            context=ZH,
        )
        self.assertEqual(self.snapshot(request), before)
        secret_request = self.request("top_secret", self.general_manager)
        result, error = self.rpc(
            "t_supervisor",
            model,
            "search_read",
            [("id", "=", secret_request.id)],
            ["secrecy_level"],
        )
        self.assertFalse(error)
        self.assertEqual(result, [])

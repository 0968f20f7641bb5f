"""Issue 12's rule on information requests (ARC-7): the information provided is
written by the CS Manager at the provide step only, never by the requester or a
signer, and is fixed once provided. Each attack is done as that user and the
request checked unchanged."""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from ..common import KefuRpcMixin
from .test_archive_request import ArchiveRequestCase

GUARDED = "change only through the document's own actions"
GUARDED_ZH = "只能通过单据自身的操作"
ZH = {"lang": "zh_CN"}
FORGED = "<p>Forged statistics</p>"
ABILITY_ZH = "客服专员的能力由客服部主任在分配助手中设定"


class RequestAttackCase(ArchiveRequestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))

    def approved_request(self):
        request = self._request()
        request.action_submit()
        request.with_user(self.dept_manager).validate_tier()
        request.with_user(self.manager).validate_tier()
        self.assertEqual(request.state, "approved")
        return request

    def snapshot(self, request):
        self.env.flush_all()
        request.invalidate_recordset()
        return request.read(["state", "answer", "provided_on", "provided_by_id"])


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestIntegrityRequestAnswer(RequestAttackCase):
    def test_requester_cannot_write_the_information_provided(self):
        request = self._request()
        request.action_submit()
        approved = self.approved_request()
        for record in (request, approved):
            before = self.snapshot(record)
            with self.assertRaisesRegex(AccessError, GUARDED):
                record.with_user(self.employee).write({"answer": FORGED})
            self.assertEqual(self.snapshot(record), before)

    def test_signer_cannot_write_the_information_provided(self):
        request = self.approved_request()
        before = self.snapshot(request)
        with self.assertRaisesRegex(AccessError, GUARDED):
            request.with_user(self.dept_manager).write({"answer": FORGED})
        self.assertEqual(self.snapshot(request), before)

    def test_cs_manager_cannot_answer_before_approval(self):
        request = self._request()
        request.action_submit()
        before = self.snapshot(request)
        with self.assertRaisesRegex(AccessError, GUARDED):
            request.with_user(self.manager).write({"answer": FORGED})
        self.assertEqual(self.snapshot(request), before)

    def test_information_fixed_once_provided(self):
        request = self.approved_request()
        request.with_user(self.manager).write({"answer": "<p>42 customers</p>"})
        request.with_user(self.manager).action_provide()
        self.assertEqual(request.state, "provided")
        before = self.snapshot(request)
        self.assertIn("42 customers", before[0]["answer"])
        with self.assertRaisesRegex(AccessError, GUARDED):
            request.with_user(self.manager).write({"answer": FORGED})
        self.assertEqual(self.snapshot(request), before)

    def test_request_cannot_be_filed_with_an_answer(self):
        with self.assertRaisesRegex(AccessError, GUARDED):
            self._request(answer=FORGED)
        self.assertFalse(self.Request.search([("answer", "ilike", "Forged")]))


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestIntegrityRequestRpc(KefuRpcMixin, HttpCase, RequestAttackCase):
    """The same attacks through JSON-RPC, as an outside client sends them."""

    def test_rpc_requester_cannot_write_the_information_provided(self):
        request = self.approved_request()
        before = self.snapshot(request)
        for login, vals in (
            (self.employee.login, {"answer": FORGED}),
            (self.employee.login, {"state": "provided"}),
            (self.dept_manager.login, {"answer": FORGED}),
        ):
            self.assertRpcRefused(
                login,
                "kefu.archive.request",
                "write",
                request.ids,
                vals,
                message=GUARDED_ZH,
                context=ZH,
            )
        self.assertEqual(self.snapshot(request), before)


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestIntegrityAgentAbility(RequestAttackCase):
    """ARC-15: the agent's ability is the CS Manager's rating, never one's own."""

    def test_settings_admin_cannot_create_a_rated_user(self):
        admin = new_test_user(
            self.env, "t_settings_admin2", groups="base.group_system,base.group_partner_manager"
        )
        with self.assertRaisesRegex(AccessError, "ability"):
            self.env["res.users"].with_user(admin).create(
                {"name": "Forged Agent", "login": "t_forged_agent", "kefu_ability": 5}
            )
        self.assertFalse(
            self.env["res.users"]
            .with_context(active_test=False)
            .search([("login", "=", "t_forged_agent")])
        )

    def test_cs_manager_cannot_rate_himself(self):
        before = self.manager.kefu_ability
        with self.assertRaises(AccessError):
            self.manager.with_user(self.manager)._kefu_set_ability(5)
        self.manager.invalidate_recordset()
        self.assertEqual(self.manager.kefu_ability, before)

    def test_a_copied_user_starts_unrated(self):
        self.agent.with_user(self.manager)._kefu_set_ability(5)
        copy = self.agent.copy({"login": "t_agent_copy"})
        self.assertEqual(copy.kefu_ability, 3)


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestIntegrityAgentAbilityRpc(KefuRpcMixin, HttpCase, RequestAttackCase):
    def test_rpc_agent_cannot_rate_himself(self):
        before = self.agent.kefu_ability
        self.assertRpcRefused(
            self.agent.login,
            "res.users",
            "write",
            self.agent.ids,
            {"kefu_ability": 5},
            message=ABILITY_ZH,
            context=ZH,
        )
        self.agent.invalidate_recordset()
        self.assertEqual(self.agent.kefu_ability, before)

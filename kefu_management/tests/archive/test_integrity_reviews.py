"""Issue 12, finding 2: reviews of kefu's approval documents are signatures. Only
tier validation's own methods, run by ``kefu.approval.mixin``, write them; each is
signed by a different person holding that tier's role, never the requester
(ARC-9). Shown on the archive destruction request, whose approval erases content."""

from contextlib import contextmanager

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from ..common import KefuRpcMixin
from .common import KefuArchiveCase

SIGNATURE = "Approval signatures are given only with the Validate and Reject buttons"
# Through RPC, as the web client sends it (context lang zh_CN): the Chinese text.
ZH = {"lang": "zh_CN"}
SIGNATURE_ZH = "审批签字只能由审批人"


class KefuReviewAttackCase(KefuArchiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # ORM calls carry an English context: the messages are asserted in English.
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.manager2 = new_test_user(
            cls.env, "t_manager2", groups="kefu_management.group_kefu_manager"
        )
        cls.archive = cls.archives["confidential"]

    def request(self, requester):
        request = (
            self.env["kefu.archive.destruction"]
            .with_user(requester)
            .create({"archive_id": self.archive.id, "reason": "Obsolete"})
        )
        request.with_user(requester).request_validation()
        self.env.flush_all()  # the first review becomes pending, as after a real request
        return request

    @contextmanager
    def assertRefused(self, exception, text):
        """assertRaises (which rolls back to a savepoint: a constraint raises after
        the insert) plus the message."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertIn(text, str(catcher.exception))

    def snapshot(self, request):
        # Tier validation moves a review from waiting to pending in a stored
        # compute: flush it first, to compare only what the attack changed.
        self.env.flush_all()
        request.invalidate_recordset()
        self.archive.invalidate_recordset()
        return {
            "request": request.read(["state", "destroyed_on", "destroyed_by_id", "certificate"]),
            "reviews": request.review_ids.read(["status", "done_by", "reviewed_date"]),
            "archive": self.archive.with_context(active_test=False).read(
                ["org_structure", "active", "destroyed"]
            ),
        }

    def comment_wizard(self, user, request, decision="validate", reviews=None):
        return (
            self.env["comment.wizard"]
            .with_user(user)
            .create(
                {
                    "res_model": request._name,
                    "res_id": request.id,
                    "validate_reject": decision,
                    "review_ids": [Command.set((reviews or self.env["tier.review"]).ids)],
                    "comment": "Agreed",
                }
            )
        )


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestIntegrityReviews(KefuReviewAttackCase):
    def test_supervisor_alone_cannot_write_the_managers_and_gms_reviews(self):
        request = self.request(self.manager)
        request.with_user(self.supervisor).validate_tier()
        before = self.snapshot(request)
        pending = request.review_ids.filtered(lambda r: r.status != "approved")
        self.assertEqual(len(pending), 2)
        user = self.supervisor
        for review, signer in zip(pending, (self.manager2, self.general_manager), strict=True):
            signed = {
                "status": "approved",
                "done_by": signer.id,
                "reviewed_date": fields.Datetime.now(),
            }
            with self.assertRefused(AccessError, SIGNATURE):
                review.with_user(user).write(signed)
            with self.assertRefused(AccessError, SIGNATURE):
                request.with_user(user).write({"review_ids": [Command.update(review.id, signed)]})
        with self.assertRefused(AccessError, SIGNATURE):
            request.with_user(user).write({"review_ids": [Command.delete(pending[0].id)]})
        with self.assertRefused(AccessError, SIGNATURE):
            request.with_user(user).write(
                {
                    "review_ids": [
                        Command.create(
                            {
                                "model": request._name,
                                "definition_id": pending[0].definition_id.id,
                                "status": "approved",
                                "done_by": self.general_manager.id,
                            }
                        )
                    ]
                }
            )
        with self.assertRaises(UserError):
            request.with_user(user).action_destroy()
        self.assertEqual(self.snapshot(request), before)
        self.assertEqual(self.archive.org_structure, "structure confidential")

    def test_a_review_of_another_model_cannot_be_moved_onto_a_request(self):
        request = self.request(self.manager)
        before = self.snapshot(request)
        stray = (
            self.env["tier.review"]
            .with_user(self.supervisor)
            .create({"model": "res.partner", "res_id": self.supervisor.partner_id.id})
        )
        for vals in (
            {"model": request._name, "res_id": request.id, "status": "approved"},
            {"model": request._name},
        ):
            with self.assertRefused(AccessError, SIGNATURE):
                stray.write(vals)
        self.assertEqual(self.snapshot(request), before)

    def test_general_manager_alone_cannot_sign_the_three_tiers(self):
        # The General Manager's group implies the Supervisor's and the CS Manager's:
        # tier validation signs in one call every consecutive tier whose role he
        # holds (the comment wizard with no review falls back to all of them).
        request = self.request(self.manager)
        before = self.snapshot(request)
        with self.assertRaises(UserError):
            self.comment_wizard(self.general_manager, request).add_comment()
        self.assertEqual(self.snapshot(request), before)
        request.with_user(self.supervisor).validate_tier()
        request.with_user(self.manager2).validate_tier()
        self.comment_wizard(self.general_manager, request).add_comment()
        self.assertTrue(request.validated)
        self.assertEqual(
            request.review_ids.done_by, self.supervisor | self.manager2 | self.general_manager
        )

    def test_comment_wizard_cannot_sign_reviews_of_another_request(self):
        mine = self.request(self.manager)
        other = self.request(self.manager2)
        before = self.snapshot(mine), self.snapshot(other)
        # The supervisor's pending review on the other request, passed with this one:
        # neither request is signed.
        self.comment_wizard(self.supervisor, mine, reviews=other.review_ids[:1]).add_comment()
        self.assertEqual((self.snapshot(mine), self.snapshot(other)), before)

    def test_requester_never_signs_even_through_an_implied_role(self):
        request = self.request(self.general_manager)
        before = self.snapshot(request)
        with self.assertRefused(UserError, "your own request"):
            request.with_user(self.general_manager).validate_tier()
        with self.assertRefused(UserError, "your own request"):
            self.comment_wizard(self.general_manager, request).add_comment()
        with self.assertRefused(UserError, "your own request"):
            request.with_user(self.general_manager).reject_tier()
        self.assertEqual(self.snapshot(request), before)

    def test_the_legitimate_flow_still_destroys(self):
        request = self.request(self.manager)
        for user in (self.supervisor, self.manager2, self.general_manager):
            request.with_user(user).validate_tier()
        request.with_user(self.general_manager).action_destroy()
        self.assertEqual(request.state, "destroyed")
        self.assertEqual(
            request.review_ids.done_by, self.supervisor | self.manager2 | self.general_manager
        )


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestIntegrityReviewsRpc(KefuRpcMixin, HttpCase, KefuReviewAttackCase):
    def test_rpc_supervisor_cannot_sign_for_the_cs_manager_and_the_gm(self):
        request = self.request(self.manager)
        request.with_user(self.supervisor).validate_tier()
        before = self.snapshot(request)
        pending = request.review_ids.filtered(lambda r: r.status != "approved")
        login = self.supervisor.login
        self.assertRpcRefused(
            login,
            "tier.review",
            "write",
            pending.ids,
            {"status": "approved", "done_by": self.manager2.id},
            message=SIGNATURE_ZH,
            context=ZH,
        )
        self.assertRpcRefused(
            login,
            request._name,
            "write",
            request.ids,
            {"review_ids": [[1, r.id, {"status": "approved"}] for r in pending]},
            message=SIGNATURE_ZH,
            context=ZH,
        )
        self.assertRpcRefused(
            login, "tier.review", "unlink", pending.ids, message=SIGNATURE_ZH, context=ZH
        )
        self.assertRpcRefused(login, request._name, "action_destroy", request.ids)
        self.assertEqual(self.snapshot(request), before)

    def test_rpc_general_manager_cannot_sign_the_three_tiers_through_the_comment_wizard(self):
        request = self.request(self.manager)
        before = self.snapshot(request)
        login = self.general_manager.login
        wizard_id, error = self.rpc(
            login,
            "comment.wizard",
            "create",
            {
                "res_model": request._name,
                "res_id": request.id,
                "validate_reject": "validate",
                "comment": "Agreed",
            },
        )
        self.assertFalse(error)
        self.assertRpcRefused(login, "comment.wizard", "add_comment", [wizard_id], context=ZH)
        self.assertEqual(self.snapshot(request), before)
        self.assertFalse(request.validated)

"""Issue 12, findings 1, 2 and 11: a borrowing card changes only through its
actions, its signatures only through tier validation, and only the borrower's own
department manager signs it first (ARC-7, ARC-10). Each test does what the attacker
did, as that user, and checks that the refusal left the database as it was."""

from contextlib import contextmanager
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from ..common import KefuRpcMixin
from .common import KefuArchiveCase

GUARDED = "change only through the document's own actions"
SIGNATURE = "Approval signatures are given only with the Validate and Reject buttons"
# Through RPC, as the web client sends it (context lang zh_CN): the Chinese text.
ZH = {"lang": "zh_CN"}
GUARDED_ZH = "只能通过单据自身的操作"
SIGNATURE_ZH = "审批签字只能由审批人"


class KefuBorrowAttackCase(KefuArchiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # ORM calls carry an English context: the messages are asserted in English.
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.Card = cls.env["kefu.archive.borrow"]
        cls.manager2 = new_test_user(
            cls.env, "t_manager2", groups="kefu_management.group_kefu_manager"
        )

    def draft_card(self, archive, borrower=None, **vals):
        return self.Card.with_user(borrower or self.sales_manager).create(
            {
                "partner_id": archive.partner_id.id,
                "approver_id": self.general_manager.id,
                "purpose": "Audit",
                "date_due": fields.Datetime.now() + timedelta(days=2),
                **vals,
            }
        )

    @contextmanager
    def assertRefused(self, exception, text):
        """assertRaises (which rolls back to a savepoint: a constraint raises after
        the insert) plus the message."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertIn(text, str(catcher.exception))

    def snapshot(self, card):
        # Tier validation moves a review from waiting to pending in a stored
        # compute: flush it first, to compare only what the attack changed.
        self.env.flush_all()
        card.invalidate_recordset()
        return {
            "card": card.read(
                [
                    "state",
                    "partner_id",
                    "archive_id",
                    "borrower_id",
                    "approver_id",
                    "date_due",
                    "granted_on",
                    "granted_by_id",
                    "returned_on",
                ]
            ),
            "reviews": card.review_ids.read(["status", "done_by", "reviewed_date"]),
        }

    def assertCannotRead(self, user, archive):
        archive.invalidate_model()
        self.assertFalse(
            self.Archive.with_user(user).search([("id", "=", archive.id)]),
            f"{user.login} reads {archive.display_name}",
        )


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestIntegrityBorrow(KefuBorrowAttackCase):
    # Finding 1 -------------------------------------------------------------

    def test_borrower_cannot_write_draft_to_overdue_then_granted(self):
        top = self.archives["top_secret"]
        card = self.draft_card(top)
        before = self.snapshot(card)
        for state in ("overdue", "granted"):
            with self.assertRefused(AccessError, GUARDED):
                card.with_user(self.sales_manager).write({"state": state})
        self.assertEqual(self.snapshot(card), before)
        self.assertEqual(card.state, "draft")
        self.assertCannotRead(self.sales_manager, top)

    def test_nobody_creates_a_card_already_granted(self):
        top = self.archives["top_secret"]
        count = self.Card.search_count([])
        for user, vals in (
            (self.sales_manager, {"state": "granted"}),
            (self.sales_manager, {"state": "overdue"}),
            (self.sales_manager, {"granted_on": fields.Datetime.now()}),
            (self.manager, {"state": "granted", "granted_by_id": self.manager.id}),
        ):
            with self.assertRefused(AccessError, GUARDED):
                self.draft_card(top, borrower=user, **vals)
        self.assertEqual(self.Card.search_count([]), count)
        self.assertCannotRead(self.sales_manager, top)

    def test_borrower_cannot_move_the_due_time_of_a_granted_card(self):
        card = self.grant_card(self.archives["top_secret"])
        before = self.snapshot(card)
        for user in (self.sales_manager, self.manager):
            with self.assertRefused(AccessError, GUARDED):
                card.with_user(user).write(
                    {"date_due": fields.Datetime.now() + timedelta(days=3650)}
                )
        self.assertEqual(self.snapshot(card), before)

    def test_overdue_or_returned_card_cannot_be_revived(self):
        top = self.archives["top_secret"]
        overdue = self.grant_card(top)
        overdue.sudo().write({"state": "overdue"})
        returned = self.grant_card(self.archives["confidential"])
        returned.with_user(self.sales_manager).action_return()
        for card in overdue | returned:
            before = self.snapshot(card)
            for vals in (
                {"state": "granted"},
                {"state": "granted", "date_due": fields.Datetime.now() + timedelta(days=30)},
                {"returned_on": False},
            ):
                with self.assertRefused(AccessError, GUARDED):
                    card.with_user(self.sales_manager).write(vals)
            self.assertEqual(self.snapshot(card), before)
        self.assertCannotRead(self.sales_manager, top)

    def test_granted_card_cannot_be_repointed_to_another_customer(self):
        card = self.grant_card(self.archives["secret"])
        top = self.archives["top_secret"]
        before = self.snapshot(card)
        for vals in ({"partner_id": top.partner_id.id}, {"archive_id": top.id}):
            for user in (self.sales_manager, self.manager):
                with self.assertRefused(AccessError, GUARDED):
                    card.with_user(user).write(vals)
        self.assertEqual(self.snapshot(card), before)
        self.assertCannotRead(self.sales_manager, top)

    def test_card_cannot_be_handed_to_another_user(self):
        card = self.grant_card(self.archives["top_secret"])
        before = self.snapshot(card)
        # The borrower hands it to a user with no kefu group; a CS Manager takes it over.
        for user, taker in ((self.sales_manager, self.employee), (self.manager, self.manager)):
            with self.assertRefused(AccessError, GUARDED):
                card.with_user(user).write({"borrower_id": taker.id})
        self.assertEqual(self.snapshot(card), before)
        self.assertCannotRead(self.employee, self.archives["top_secret"])

    def test_the_signer_cannot_be_swapped_on_a_draft_card(self):
        card = self.draft_card(self.archives["top_secret"])
        before = self.snapshot(card)
        with self.assertRefused(AccessError, GUARDED):
            card.with_user(self.sales_manager).write({"approver_id": self.manager.id})
        self.assertEqual(self.snapshot(card), before)

    def test_actions_check_the_acting_user(self):
        dept = new_test_user(
            self.env, "t_dept_manager", groups="kefu_management.group_kefu_department_manager"
        )
        card = self.draft_card(self.archives["secret"], approver_id=dept.id)
        # The department manager reads the card (record rule) but does not cancel it.
        with self.assertRefused(UserError, "borrower or the CS department"):
            card.with_user(dept).action_cancel()
        self.assertEqual(card.state, "draft")
        card.request_validation()
        card.with_user(dept).validate_tier()
        card.with_user(self.manager).validate_tier()
        card.with_user(self.manager).action_grant()
        with self.assertRefused(UserError, "borrower or the CS department"):
            card.with_user(dept).action_return()
        other = new_test_user(
            self.env,
            "t_sales_manager_b",
            groups="sales_team.group_sale_manager,kefu_management.group_kefu_archive_borrower",
        )
        with self.assertRaises(AccessError):
            card.with_user(other).action_return()
        self.assertEqual(card.state, "granted")
        card.with_user(self.sales_manager).action_return()
        self.assertEqual(card.state, "returned")

    # Finding 2 (borrowing cards) -----------------------------------------------

    def test_borrower_cannot_approve_his_own_reviews(self):
        top = self.archives["top_secret"]
        card = self.draft_card(top)
        card.with_user(self.sales_manager).request_validation()
        before = self.snapshot(card)
        user = self.sales_manager
        reviews = card.review_ids.with_user(user)
        signed = {"status": "approved", "done_by": user.id, "reviewed_date": fields.Datetime.now()}
        with self.assertRefused(AccessError, SIGNATURE):
            reviews.write(signed)
        with self.assertRefused(AccessError, SIGNATURE):
            card.with_user(user).write(
                {"review_ids": [Command.update(r.id, signed) for r in card.review_ids]}
            )
        with self.assertRefused(AccessError, SIGNATURE):
            card.with_user(user).write({"review_ids": [Command.delete(r.id) for r in reviews]})
        with self.assertRefused(AccessError, SIGNATURE):
            reviews.unlink()
        with self.assertRefused(AccessError, SIGNATURE):
            self.env["tier.review"].with_user(user).create(
                {
                    "model": card._name,
                    "res_id": card.id,
                    "definition_id": card.review_ids[0].definition_id.id,
                    **signed,
                }
            )
        self.assertEqual(self.snapshot(card), before)
        with self.assertRaises(UserError):
            card.with_user(self.manager).action_grant()
        self.assertEqual(card.state, "draft")
        self.assertCannotRead(user, top)

    def test_a_review_of_another_model_cannot_be_moved_onto_a_card(self):
        card = self.draft_card(self.archives["top_secret"])
        card.with_user(self.sales_manager).request_validation()
        before = self.snapshot(card)
        stray = (
            self.env["tier.review"]
            .with_user(self.sales_manager)
            .create({"model": "res.partner", "res_id": self.sales_manager.partner_id.id})
        )
        with self.assertRefused(AccessError, SIGNATURE):
            stray.write(
                {
                    "model": card._name,
                    "res_id": card.id,
                    "definition_id": card.review_ids[0].definition_id.id,
                    "status": "approved",
                    "done_by": self.sales_manager.id,
                }
            )
        self.assertEqual(self.snapshot(card), before)
        self.assertEqual(stray.model, "res.partner")

    def test_one_signature_per_person_even_through_the_comment_wizard(self):
        # The General Manager signs as department manager and holds the CS
        # Manager's role as well (implied group): tier validation would let one
        # call sign both tiers, and the borrower's card would be granted.
        card = self.draft_card(self.archives["top_secret"])
        card.with_user(self.sales_manager).request_validation()
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.general_manager)
            .create(
                {
                    "res_model": card._name,
                    "res_id": card.id,
                    "validate_reject": "validate",
                    "comment": "ok",
                }
            )
        )
        wizard.add_comment()
        self.assertEqual(card.review_ids.mapped("status"), ["approved", "pending"])
        self.assertEqual(card.review_ids[0].done_by, self.general_manager)
        before = self.snapshot(card)
        with self.assertRefused(UserError, "already signed"):
            card.with_user(self.general_manager).validate_tier()
        self.assertEqual(self.snapshot(card), before)
        self.assertFalse(card.validated)
        with self.assertRaises(UserError):
            card.with_user(self.manager).action_grant()
        card.with_user(self.manager2).validate_tier()
        self.assertTrue(card.validated)

    # Finding 11 -----------------------------------------------------------------

    def test_cs_manager_cannot_create_a_card_for_someone_not_entitled(self):
        count = self.Card.search_count([])
        for borrower in (self.employee, self.salesman, self.agent):
            with self.assertRefused(UserError, "Only managers may borrow"):
                self.draft_card(
                    self.archives["top_secret"], borrower=self.manager, borrower_id=borrower.id
                )
        # Not even for an entitled manager: the borrower asks himself.
        with self.assertRefused(UserError, "requested by the borrower"):
            self.draft_card(
                self.archives["top_secret"],
                borrower=self.manager,
                borrower_id=self.sales_manager.id,
            )
        self.assertEqual(self.Card.search_count([]), count)

    def test_the_signer_must_be_the_borrowers_department_manager(self):
        count = self.Card.search_count([])
        top = self.archives["top_secret"]
        for approver in (self.employee, self.salesman, self.agent):
            with self.assertRefused(ValidationError, "department manager"):
                self.draft_card(top, approver_id=approver.id)
        with self.assertRefused(ValidationError, "your own borrowing card"):
            self.draft_card(top, approver_id=self.sales_manager.id)
        self.assertEqual(self.Card.search_count([]), count)
        # A member of the configured approver group signs (the default group,
        # implied by the General Manager's).
        dept = new_test_user(
            self.env, "t_dept_manager", groups="kefu_management.group_kefu_department_manager"
        )
        self.assertTrue(self.draft_card(top, approver_id=dept.id))
        self.assertTrue(self.draft_card(top, approver_id=self.general_manager.id))
        # The group is a setting.
        self.env["ir.config_parameter"].set_param(
            "kefu_management.borrow_approver_group_id",
            self.env.ref("kefu_management.group_kefu_manager").id,
        )
        with self.assertRefused(ValidationError, "department manager"):
            self.draft_card(top, approver_id=dept.id)
        self.assertTrue(self.draft_card(top, approver_id=self.manager.id))


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestIntegrityBorrowRpc(KefuRpcMixin, HttpCase, KefuBorrowAttackCase):
    """The same attacks through JSON-RPC, as an outside client sends them."""

    def test_rpc_borrower_cannot_grant_himself_the_top_secret_archive(self):
        top = self.archives["top_secret"]
        card = self.draft_card(top)
        before = self.snapshot(card)
        model, login = card._name, self.sales_manager.login
        for vals in (
            {"state": "overdue"},
            {"state": "granted"},
            {"date_due": "2036-01-01 00:00:00"},
            {"borrower_id": self.employee.id},
            {"approver_id": self.manager.id},
            {"partner_id": self.archives["confidential"].partner_id.id},
        ):
            self.assertRpcRefused(
                login, model, "write", card.ids, vals, message=GUARDED_ZH, context=ZH
            )
        self.assertRpcRefused(
            login,
            model,
            "create",
            {
                "partner_id": top.partner_id.id,
                "approver_id": self.general_manager.id,
                "purpose": "Audit",
                "date_due": "2036-01-01 00:00:00",
                "state": "granted",
            },
            message=GUARDED_ZH,
            context=ZH,
        )
        self.assertRpcRefused(
            self.manager.login,
            model,
            "create",
            {
                "partner_id": top.partner_id.id,
                "borrower_id": self.employee.id,
                "approver_id": self.general_manager.id,
                "purpose": "Audit",
                "date_due": "2036-01-01 00:00:00",
            },
            message="只有经理级及以上人员才能借阅",
            context=ZH,
        )
        self.assertRpcRefused(
            login,
            model,
            "create",
            {
                "partner_id": top.partner_id.id,
                "approver_id": self.employee.id,
                "purpose": "Audit",
                "date_due": "2036-01-01 00:00:00",
            },
            message="部门经理",
            context=ZH,
        )
        card.with_user(self.sales_manager).request_validation()
        before = self.snapshot(card)
        reviews = card.review_ids
        self.assertRpcRefused(
            login,
            "tier.review",
            "write",
            reviews.ids,
            {"status": "approved", "done_by": self.sales_manager.id},
            message=SIGNATURE_ZH,
            context=ZH,
        )
        self.assertRpcRefused(
            login,
            model,
            "write",
            card.ids,
            {"review_ids": [[1, r.id, {"status": "approved"}] for r in reviews]},
            message=SIGNATURE_ZH,
            context=ZH,
        )
        self.assertEqual(self.snapshot(card), before)
        self.assertEqual(card.state, "draft")
        self.assertCannotRead(self.sales_manager, top)
        self.assertFalse(
            self.Card.search(
                [
                    ("borrower_id", "in", (self.sales_manager | self.employee).ids),
                    ("state", "!=", "draft"),
                ]
            )
        )

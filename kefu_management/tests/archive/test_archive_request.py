from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import KefuArchiveCase


class ArchiveRequestCase(KefuArchiveCase):
    """A department manager, an employee of another department, a request."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dept_manager = new_test_user(
            cls.env, "t_dept_mgr", groups="kefu_management.group_kefu_department_manager"
        )
        cls.other = new_test_user(cls.env, "t_other_emp", groups="base.group_user")
        cls.Request = cls.env["kefu.archive.request"]

    def _request(self, user=None, **vals):
        user = user or self.employee
        return self.Request.with_user(user).create(
            {
                "kind": "statistics",
                "statistics": "Customers by credit tier",
                "purpose": "Quarterly plan",
                "approver_id": self.dept_manager.id,
                **vals,
            }
        )


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestArchiveRequestSignedByDepartmentManager(ArchiveRequestCase):
    """ARC-7: customer information or statistics, signed by the requester's own
    department manager, then handled by the CS department."""

    def test_statistics_request_signed_then_provided(self):
        request = self._request()
        self.assertEqual(request.state, "draft")
        request.action_submit()
        self.assertEqual(request.state, "submitted")
        request.with_user(self.dept_manager).validate_tier()
        self.assertEqual(request.state, "submitted")
        request.with_user(self.manager).validate_tier()
        self.assertEqual(request.state, "approved")
        request.with_user(self.manager).action_provide()
        self.assertEqual(request.state, "provided")
        self.assertEqual(request.provided_by_id, self.manager)
        signers = request.review_ids.filtered(lambda r: r.status == "approved").done_by
        self.assertEqual(signers, self.dept_manager | self.manager)

    def test_archive_request_names_customers(self):
        with self.assertRaises(ValidationError):
            self._request(kind="archive", statistics=False)
        request = self._request(
            kind="archive", partner_ids=[(6, 0, self.archives["none"].partner_id.ids)]
        )
        self.assertEqual(request.kind, "archive")

    def test_approver_must_be_own_department_manager(self):
        # A plain employee or a CS agent is no department manager.
        for approver in (self.other, self.agent):
            with self.assertRaises(ValidationError):
                self._request(approver_id=approver.id)

    def test_approver_from_configured_group(self):
        group = self.env.ref("kefu_management.group_kefu_info_supervisor")
        self.env["ir.config_parameter"].sudo().set_param(
            "kefu_management.borrow_approver_group_id", group.id
        )
        request = self._request(approver_id=self.supervisor.id)
        self.assertEqual(request.approver_id, self.supervisor)
        with self.assertRaises(ValidationError):
            self._request(approver_id=self.dept_manager.id)

    def test_cs_manager_cannot_sign_his_own_request(self):
        request = self._request(user=self.manager)
        request.action_submit()
        request.with_user(self.dept_manager).validate_tier()
        with self.assertRaises(UserError):
            request.with_user(self.manager).validate_tier()
        self.assertEqual(request.state, "submitted")

    def test_not_provided_before_signatures(self):
        request = self._request()
        request.action_submit()
        with self.assertRaises(UserError):
            request.with_user(self.manager).action_provide()
        request.with_user(self.dept_manager).validate_tier()
        request.with_user(self.manager).validate_tier()
        with self.assertRaises(UserError):
            request.with_user(self.agent).action_provide()
        self.assertEqual(request.state, "approved")

    def test_only_requester_submits(self):
        request = self._request()
        with self.assertRaises(UserError):
            request.with_user(self.dept_manager).action_submit()
        self.assertEqual(request.state, "draft")

    def test_record_rules_requester_approver_manager(self):
        request = self._request()
        self.assertFalse(self.Request.with_user(self.other).search([("id", "=", request.id)]))
        for user in (self.employee, self.dept_manager, self.manager, self.general_manager):
            self.assertTrue(self.Request.with_user(user).search([("id", "=", request.id)]))


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestIntegrityArchiveRequest(ArchiveRequestCase):
    """Integrity: state, requester, signer and dates only through the actions."""

    def test_protected_fields_refused_to_direct_writes(self):
        request = self._request()
        request.action_submit()
        forbidden = {
            "state": "provided",
            "approver_id": self.manager.id,
            "requester_id": self.other.id,
            "submitted_on": "2020-01-01 00:00:00",
            "provided_on": "2020-01-01 00:00:00",
            "provided_by_id": self.manager.id,
        }
        for user in (self.employee, self.dept_manager, self.manager):
            for field, value in forbidden.items():
                with self.subTest(user=user.login, field=field):
                    with self.assertRaises(AccessError):
                        request.with_user(user).write({field: value})
        request.invalidate_recordset()
        self.assertEqual(request.state, "submitted")
        self.assertEqual(request.approver_id, self.dept_manager)
        self.assertEqual(request.requester_id, self.employee)
        self.assertFalse(request.provided_by_id)

    def test_request_filed_for_someone_else_refused(self):
        with self.assertRaises(UserError):
            self._request(requester_id=self.other.id)


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestArchiveRequestOutcomes(ArchiveRequestCase):
    """ARC-7: a refused request ends there; an approved request for archives leads
    to the borrowing card (ARC-10), which stays the only way to read an archive."""

    def test_rejection_by_department_manager_ends_the_request(self):
        request = self._request()
        request.action_submit()
        request.with_user(self.dept_manager).reject_tier()
        self.assertEqual(request.state, "rejected")
        with self.assertRaises(UserError):
            request.with_user(self.manager).action_provide()

    def test_approved_archive_request_opens_a_borrowing_card(self):
        partner = self.archives["secret"].partner_id
        request = self._request(
            user=self.sales_manager, kind="archive", partner_ids=[(6, 0, partner.ids)]
        )
        with self.assertRaises(UserError):
            request.with_user(self.sales_manager).action_borrow()
        request.with_user(self.sales_manager).action_submit()
        request.with_user(self.dept_manager).validate_tier()
        request.with_user(self.manager).validate_tier()
        action = request.with_user(self.sales_manager).action_borrow()
        self.assertEqual(action["res_model"], "kefu.archive.borrow")
        context = action["context"]
        self.assertEqual(context["default_partner_id"], partner.id)
        self.assertEqual(context["default_approver_id"], self.dept_manager.id)
        # The request itself opens nothing: the archive stays closed until a card.
        self.assertFalse(
            self.env["kefu.archive"]
            .with_user(self.sales_manager)
            .search([("id", "=", self.archives["secret"].id)])
        )

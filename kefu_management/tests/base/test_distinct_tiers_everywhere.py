"""One person, one signature (ARC-9, CON-3, CRD-3), everywhere a kefu approval
asks or lists its reviewers: the "please review" activity and OCA's "To review"
filter go to exactly those whom Validate would accept; never to the requester,
to someone who signed another tier already, or to someone whose signature would
leave another tier with nobody to sign it."""

import logging

from odoo.tests import new_test_user, tagged

from .test_distinct_tiers import DistinctTiersCase
from .test_reviewer_activity import ReviewerActivityCase

_logger = logging.getLogger(__name__)

TO_REVIEW = [("can_review", "=", True)]


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestReviewActivityOnlyForAcceptedSigners(ReviewerActivityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.both = new_test_user(
            cls.env,
            "t_dte_sup_mgr",
            groups="kefu_management.group_kefu_info_supervisor,kefu_management.group_kefu_manager",
            name="Supervisor-Manager Lin",
        )
        cls.both.lang = "en_US"
        ref = cls.env.ref
        # The General Manager's group implies the Supervisor's and the CS Manager's:
        # with one General Manager and no dedicated supervisor, he and ``both`` are
        # the only ones holding the first tier's role.
        gm_group = ref("kefu_management.group_kefu_general_manager")
        supervisors = ref("kefu_management.group_kefu_info_supervisor")
        keep = cls.both | cls.general_manager
        (gm_group.users | supervisors.users).filtered(lambda u: u not in keep).write(
            {"active": False}
        )

    def test_general_manager_needed_for_his_tier_is_not_asked_for_the_first(self):
        request = self.request()
        supervisor_tier = request.review_ids.sorted("sequence")[0]
        # Validate refuses him the Supervisor's tier: nobody else could sign his own.
        self.assertFalse(request.with_user(self.general_manager).can_review)
        self.assertTrue(request.with_user(self.both).can_review)
        self.assertFalse(self.activities(request, self.general_manager))
        asked = self.activities(request, self.both)
        self.assertEqual(len(asked), 1)
        self.assertIn(supervisor_tier.name, asked.summary)

    def test_next_tier_skips_the_requester_and_the_first_signer(self):
        request = self.request()
        request.with_user(self.both).validate_tier()
        # CS Manager tier: the requester (manager) and ``both`` (signed already)
        # are refused, the General Manager is needed for the last tier.
        self.assertFalse(self.activities(request, self.both))
        for user in (self.manager, self.general_manager):
            self.assertFalse(self.activities(request, user), user.login)
            self.assertFalse(request.with_user(user).can_review, user.login)
        self.assertEqual(len(self.activities(request, self.manager2)), 1)
        self.assertTrue(request.with_user(self.manager2).can_review)


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestToReviewFilterAgreesWithValidate(DistinctTiersCase):
    def to_review(self, user):
        self.env.invalidate_all()
        return self.Request.with_user(user).search(TO_REVIEW)

    def test_requester_does_not_find_his_own_request_to_review(self):
        request = self.submitted(user=self.manager, approver=self.dept_manager)
        request.with_user(self.dept_manager).validate_tier()
        self.assertFalse(request.with_user(self.manager).can_review)
        self.assertNotIn(request, self.to_review(self.manager))
        self.assertIn(request, self.to_review(self.dm_cs))
        self.assertTrue(request.with_user(self.dm_cs).can_review)

    def test_first_tier_signer_does_not_find_the_second_tier_to_review(self):
        request = self.submitted()
        self.assertIn(request, self.to_review(self.dm_cs))
        request.with_user(self.dm_cs).validate_tier()
        self.assertNotIn(request, self.to_review(self.dm_cs))
        self.assertIn(request, self.to_review(self.manager))
        # The opposite operator lists the others.
        not_to_review = self.Request.with_user(self.dm_cs).search([("can_review", "=", False)])
        self.assertIn(request, not_to_review)

    def test_to_review_costs_the_same_queries_for_more_requests(self):
        def pending(count):
            requests = self.Request
            for _index in range(count):
                request = self.submitted(approver=self.dept_manager)
                request.with_user(self.dept_manager).validate_tier()
                requests |= request
            return requests

        def count():
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            found = self.Request.with_user(self.manager).search(TO_REVIEW)
            return self.cr.sql_log_count - before, found

        few = pending(2)
        count()  # warm: groups and access rules read once per process
        single, found = count()
        self.assertEqual(found & few, few)
        many = few | pending(6)
        double, found = count()
        self.assertEqual(found & many, many)
        _logger.info("To review: %s queries for 2 requests, %s for 8", single, double)
        # A constant: the check runs on all the candidates at once, prefetched.
        self.assertLessEqual(double, single + 1, (single, double))

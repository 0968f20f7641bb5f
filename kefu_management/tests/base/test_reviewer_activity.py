"""Issue 18 item 5: every reviewer of a kefu approval is told, with his deadline.

A review that reaches its reviewers gives each of them an activity due at the
working-day deadline (working-time service: weekends and public holidays do not
count), written in the reviewer's language, closed when he signs or when the request
ends; the approval banner shows the deadline.
"""

from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from ..archive.common import KefuArchiveCase


class ReviewerActivityCase(KefuArchiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["res.lang"]._activate_lang("en_US")
        cls.manager2 = new_test_user(
            cls.env, "t_ra_manager2", groups="kefu_management.group_kefu_manager"
        )
        cls.supervisor.lang = "zh_CN"
        cls.manager2.lang = "en_US"
        # Monday 12 January 2026 is a public holiday.
        cls.add_holiday(date(2026, 1, 12), date(2026, 1, 12))
        cls.review_type = cls.env.ref("kefu_management.mail_act_kefu_review")

    def request(self, archive="none"):
        request = (
            self.env["kefu.archive.destruction"]
            .with_user(self.manager)
            .create({"archive_id": self.archives[archive].id, "reason": "Obsolete"})
        )
        request.request_validation()
        return request

    def activities(self, request, user=None):
        domain = [
            ("res_model", "=", request._name),
            ("res_id", "=", request.id),
            ("activity_type_id", "=", self.review_type.id),
        ]
        if user:
            domain.append(("user_id", "=", user.id))
        return self.env["mail.activity"].search(domain)


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestReviewerActivityDueAtWorkingDayDeadline(ReviewerActivityCase):
    # Friday 9 January 2026, 15:00 in Shanghai.
    @freeze_time("2026-01-09 07:00:00")
    def test_activity_due_after_weekend_and_holiday(self):
        request = self.request()
        activity = self.activities(request, self.supervisor)
        self.assertEqual(len(activity), 1)
        # One working day (8 h) after Friday 15:00: Monday is a holiday, so Tuesday.
        self.assertEqual(activity.date_deadline, date(2026, 1, 13))
        review = request.review_ids.filtered(lambda r: self.supervisor in r.reviewer_ids)[:1]
        self.assertEqual(review.kefu_deadline, self.local(2026, 1, 13, 15, 0))
        # Only the current tier's reviewers are asked; never the requester.
        self.assertFalse(self.activities(request, self.manager2))
        self.assertFalse(self.activities(request, self.manager))

    @freeze_time("2026-01-09 07:00:00")
    def test_deadline_follows_the_setting(self):
        self.env["ir.config_parameter"].sudo().set_param("kefu_management.review_days", "2")
        request = self.request()
        activity = self.activities(request, self.supervisor)
        self.assertEqual(activity.date_deadline, date(2026, 1, 14))


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestReviewerActivityInReviewerLanguage(ReviewerActivityCase):
    @freeze_time("2026-01-09 07:00:00")
    def test_summary_in_each_reviewers_language(self):
        request = self.request()
        chinese = self.activities(request, self.supervisor)
        self.assertIn("审批", chinese.summary)
        self.assertIn("批准或驳回", chinese.note)
        request.with_user(self.supervisor).validate_tier()
        english = self.activities(request, self.manager2)
        self.assertEqual(len(english), 1)
        self.assertIn("Review", english.summary)
        self.assertNotIn("审批", english.summary)


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestReviewerActivityClosedWhenSigned(ReviewerActivityCase):
    @freeze_time("2026-01-09 07:00:00")
    def test_closed_on_validation_next_tier_asked(self):
        request = self.request()
        request.with_user(self.supervisor).validate_tier()
        self.assertFalse(self.activities(request, self.supervisor))
        # The next tier (CS Manager) reaches manager2, due one working day after now.
        activity = self.activities(request, self.manager2)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, date(2026, 1, 13))

    @freeze_time("2026-01-09 07:00:00")
    def test_closed_on_rejection(self):
        request = self.request()
        request.with_user(self.supervisor).reject_tier()
        self.assertFalse(self.activities(request))

    @freeze_time("2026-01-09 07:00:00")
    def test_closed_on_cancellation(self):
        request = self.request()
        self.assertTrue(self.activities(request))
        request.sudo().write({"state": "cancelled"})
        self.assertFalse(self.activities(request))


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestReviewerDeadlineInBanner(ReviewerActivityCase):
    @freeze_time("2026-01-09 07:00:00")
    def test_banner_shows_deadline(self):
        request = self.request()
        self.assertEqual(request.kefu_review_deadline, self.local(2026, 1, 13, 15, 0))
        arch = request.with_user(self.supervisor).get_views([(False, "form")])["views"]["form"][
            "arch"
        ]
        banner = etree.fromstring(arch).xpath("//div[hasclass('alert-warning')]")
        self.assertTrue(banner)
        self.assertTrue(banner[0].xpath(".//field[@name='kefu_review_deadline']"))


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestReviewDeadlineWrittenOnlyByTheSystem(ReviewerActivityCase):
    @freeze_time("2026-01-09 07:00:00")
    def test_reviewer_cannot_move_his_deadline(self):
        request = self.request()
        review = request.review_ids.filtered(lambda r: self.supervisor in r.reviewer_ids)[:1]
        due = review.kefu_deadline
        for user in (self.supervisor, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                review.with_user(user).write({"kefu_deadline": self.local(2026, 2, 1, 9, 0)})
        review.invalidate_recordset()
        self.assertEqual(review.kefu_deadline, due)


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestReviewDaysSettingBounds(ReviewerActivityCase):
    def test_default_and_bounds_with_chinese_error(self):
        settings = self.env["kefu.settings"]
        self.assertEqual(settings.get_value("kefu_review_days"), 1)
        zh = self.env(context=dict(self.env.context, lang="zh_CN"))
        for bad in (0, 31):
            with self.subTest(bad=bad), self.assertRaises(ValidationError) as caught:
                zh["res.config.settings"].create({"kefu_review_days": bad})
            self.assertIn("审批期限", str(caught.exception))
        self.assertEqual(settings.get_value("kefu_review_days"), 1)


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestReviewDeadlineFollowsTheCalendar(ReviewerActivityCase):
    @freeze_time("2026-01-16 07:00:00")
    def test_holiday_added_later_moves_deadline_and_activity(self):
        # Friday 16 January 15:00: due Monday 19 January 15:00.
        request = self.request()
        review = request.review_ids.filtered(lambda r: self.supervisor in r.reviewer_ids)[:1]
        self.assertEqual(review.kefu_deadline, self.local(2026, 1, 19, 15, 0))
        # Monday becomes a public holiday: due Tuesday, and so is the activity.
        self.add_holiday(date(2026, 1, 19), date(2026, 1, 19))
        review.invalidate_recordset()
        self.assertEqual(review.kefu_deadline, self.local(2026, 1, 20, 15, 0))
        self.assertEqual(self.activities(request, self.supervisor).date_deadline, date(2026, 1, 20))

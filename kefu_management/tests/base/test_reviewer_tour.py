"""Issue 18 point 5 (done when): a reviewer sees his activity and deadline in the
browser, validates, and the activity disappears."""

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "kefu", "kefu_base", "kefu_tour")
class TestReviewerSeesActivityAndDeadlineTour(HttpCase):
    def test_reviewer_validates_from_his_activity(self):
        env = self.env
        env["res.lang"]._activate_lang("zh_CN")
        partner = env["res.partner"].create({"name": "审核巡检有限公司", "is_company": True})
        archive = env["kefu.archive"].create(
            {"partner_id": partner.id, "org_structure": "董事会五人"}
        )
        requester = new_test_user(
            env, "tour_rv_manager", groups="kefu_management.group_kefu_manager", lang="zh_CN"
        )
        reviewer = new_test_user(
            env,
            "tour_rv_supervisor",
            groups="kefu_management.group_kefu_info_supervisor",
            name="巡检主管",
            lang="zh_CN",
        )
        request = (
            env["kefu.archive.destruction"]
            .with_user(requester)
            .create({"archive_id": archive.id, "reason": "资料已过时"})
        )
        request.with_user(requester).request_validation()
        review_type = env.ref("kefu_management.mail_act_kefu_review")
        activities = env["mail.activity"].search(
            [
                ("res_model", "=", request._name),
                ("res_id", "=", request.id),
                ("activity_type_id", "=", review_type.id),
                ("user_id", "=", reviewer.id),
            ]
        )
        self.assertEqual(len(activities), 1)
        self.assertTrue(request.kefu_review_deadline)
        self.start_tour("/odoo", "kefu_reviewer_tour", login="tour_rv_supervisor")
        signed = request.review_ids.filtered(lambda r: r.status == "approved")
        self.assertEqual(signed.done_by, reviewer)
        self.assertFalse(activities.exists())
        # The next tier's reviewers are asked now.
        self.assertTrue(
            env["mail.activity"].search_count(
                [
                    ("res_model", "=", request._name),
                    ("res_id", "=", request.id),
                    ("activity_type_id", "=", review_type.id),
                ]
            )
        )

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError

from .kefu_translate import kefu_shared_env


class TierReview(models.Model):
    """Reviews of kefu documents are signatures: only tier validation's own methods,
    run by ``kefu.approval.mixin`` after its checks, create, change or delete them.

    OCA gives every employee write access to ``tier.review`` (ODOO18-NOTES); other
    modules' reviews keep that behaviour.
    """

    _name = "tier.review"
    _inherit = ["tier.review", "kefu.deadline.mixin"]  # pylint: disable=consider-merging-classes-inherited

    # Issue 18 (CON-3 for contracts): when the review is due, from the moment it
    # reached its reviewers, in working time. Set by the system only.
    kefu_deadline = fields.Datetime(string="Review Due", readonly=True, index=True)
    kefu_requested_on = fields.Datetime(string="Requested from Reviewers On", readonly=True)

    @api.model
    def _kefu_models(self):
        return self.env["kefu.approval.mixin"]._kefu_approval_models()

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(v.get("model") in self._kefu_models() for v in vals_list):
            self._kefu_refuse()
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and (
            # A review of another model moved onto a kefu document is a forgery too.
            vals.get("model") in self._kefu_models()
            or (self._kefu_signatures() and not self._kefu_bookkeeping(vals))
        ):
            self._kefu_refuse()
        res = super().write(vals)
        if "kefu_deadline" in vals and not self.env.context.get("kefu_deadline_stamp"):
            # A deadline moved (CON-3 stamp, calendar change): the activities follow.
            for model, reviews in self._kefu_signatures().grouped("model").items():
                self.env[model].browse(reviews.mapped("res_id")).exists().with_env(
                    self.env
                )._kefu_sync_review_activities()
        return res

    def _kefu_set_deadline(self, start, days):
        working_time = self.env["kefu.working.time"]
        for review in self:
            review.sudo().with_context(kefu_deadline_stamp=True).write(
                {
                    "kefu_requested_on": start,
                    "kefu_deadline": working_time.add_working_days(
                        start, days, review.company_id or None
                    ),
                }
            )

    @api.model
    def _kefu_recompute_deadlines(self, companies):
        # Open reviews of every kefu approval follow the calendar; those CON-3
        # stamped (kefu_contract: kefu_reached_on) are recomputed there.
        reviews = self.search(
            [
                ("model", "in", list(self._kefu_models())),
                ("status", "in", ("waiting", "pending")),
                ("kefu_requested_on", "!=", False),
                ("kefu_deadline", ">", fields.Datetime.now()),
                "|",
                ("company_id", "in", companies.ids),
                ("company_id", "=", False),
            ]
        )
        if "kefu_reached_on" in self._fields:
            reviews = reviews.filtered(lambda r: not r.kefu_reached_on)
        working_time = self.env["kefu.working.time"]
        for review in reviews:
            document = self.env[review.model].browse(review.res_id)
            review.write(
                {
                    "kefu_deadline": working_time.add_working_days(
                        review.kefu_requested_on,
                        document._kefu_review_days(),
                        review.company_id or None,
                    )
                }
            )
        return super()._kefu_recompute_deadlines(companies)

    def _kefu_tz(self):
        calendar = self.env["kefu.working.time"]._calendar(self.company_id or None)
        return calendar.tz or "UTC"

    def _kefu_due_date(self, user):
        """The deadline as a date in the reviewer's time zone (activities are dated)."""
        self.ensure_one()
        tz = pytz.timezone(user.tz or self._kefu_tz())
        return pytz.utc.localize(self.kefu_deadline).astimezone(tz).date()

    @api.depends("reviewer_ids")
    def _compute_todo_by(self):
        super()._compute_todo_by()
        # Issue 18: "Group 管理员" (OCA's English prefix and the bare group name)
        # does not tell a Chinese reviewer whose turn it is: kefu's reviews name the
        # group with its application (会计 / 管理员). Stored, so written once in the
        # reader's language when given, else the company's.
        models_ = self._kefu_models()
        for review in self:
            if review.model in models_ and review.reviewer_group_id:
                group = review.reviewer_group_id.with_env(kefu_shared_env(self.env))
                review.todo_by = group.sudo().full_name

    def _kefu_bookkeeping(self, vals):
        """What tier validation writes as the user and that signs nothing: a waiting
        review becoming the current one and its ``can_review`` flag
        (``_compute_can_review``), reminders, and the comment a reviewer adds to his
        own pending review (comment wizard). Everything else is the signature."""
        reviews = self._kefu_signatures()
        if set(vals) - {"status", "can_review", "last_reminder_date", "comment"}:
            return False
        if "status" in vals and (
            vals["status"] != "pending"
            or any(review.status not in ("waiting", "pending") for review in reviews)
        ):
            return False
        return "comment" not in vals or all(
            review.status == "pending" and self.env.user in review.reviewer_ids
            for review in reviews
        )

    def unlink(self):
        if not self.env.su and self._kefu_signatures():
            self._kefu_refuse()
        return super().unlink()

    def _kefu_signatures(self):
        models_ = self._kefu_models()
        return self.sudo().filtered(lambda review: review.model in models_)

    def _kefu_refuse(self):
        raise AccessError(
            self.env._(
                "Approval signatures are given only with the Validate and Reject buttons "
                "of the document, by its reviewers."
            )
        )

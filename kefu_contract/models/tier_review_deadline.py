from odoo import api, fields, models


class TierReview(models.Model):
    """CON-3: the due time of reviews under way follows the working calendar."""

    _name = "tier.review"
    _inherit = ["tier.review", "kefu.deadline.mixin"]  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _kefu_recompute_deadlines(self, companies):
        reviews = self.search(
            [
                ("model", "=", "kefu.contract"),
                ("status", "=", "pending"),
                ("kefu_reached_on", "!=", False),
                ("kefu_deadline", ">", fields.Datetime.now()),
                "|",
                ("company_id", "in", companies.ids),
                ("company_id", "=", False),
            ]
        )
        settings = self.env["kefu.settings"]
        working_time = self.env["kefu.working.time"]
        days = settings.get_value("kefu_con_review_days")
        remind_hours = settings.get_value("kefu_con_reminder_hours")
        for review in reviews:
            company = review.company_id or None
            hours = days * (working_time._calendar(company).hours_per_day or 8.0)
            review.write(
                {
                    "kefu_deadline": working_time.add_working_days(
                        review.kefu_reached_on, days, company
                    ),
                    "kefu_remind_at": working_time.add_working_hours(
                        review.kefu_reached_on, max(hours - remind_hours, 0.0), company
                    ),
                }
            )
        return super()._kefu_recompute_deadlines(companies)

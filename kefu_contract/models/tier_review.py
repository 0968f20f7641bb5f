from odoo import api, fields, models


class TierReview(models.Model):
    """CON-3: the working-time deadline of each contract review."""

    _inherit = "tier.review"

    kefu_contract_role = fields.Selection(related="definition_id.kefu_contract_role")
    kefu_reached_on = fields.Datetime(
        string="Reached Reviewer On",
        readonly=True,
        help="When the review became the reviewer's turn.",
    )
    kefu_deadline = fields.Datetime(string="Review Due", readonly=True, index=True)
    kefu_remind_at = fields.Datetime(string="Reminder Due", readonly=True, index=True)
    kefu_reminded = fields.Boolean(string="Reminded", readonly=True)
    kefu_overdue = fields.Boolean(string="Review Overdue", readonly=True, index=True)
    # CON-3: late from the stored deadline and the signature time, whenever the
    # overdue cron happened to run.
    kefu_late = fields.Boolean(
        string="Signed Late", compute="_compute_kefu_late", store=True, index=True
    )
    kefu_by_phone = fields.Boolean(
        string="Approved by Phone", readonly=True, help="CON-4: approved on the reviewer's behalf."
    )
    kefu_working_hours = fields.Float(
        string="Review Time (working hours)", compute="_compute_kefu_working_hours"
    )

    @api.depends("kefu_reached_on", "reviewed_date")
    def _compute_kefu_working_hours(self):
        working_time = self.env["kefu.working.time"]
        for review in self:
            if review.kefu_reached_on and review.reviewed_date:
                review.kefu_working_hours = working_time.working_hours_between(
                    review.kefu_reached_on, review.reviewed_date
                )
            else:
                review.kefu_working_hours = 0.0

    @api.depends("kefu_deadline", "reviewed_date")
    def _compute_kefu_late(self):
        for review in self:
            review.kefu_late = bool(
                review.kefu_deadline
                and review.reviewed_date
                and review.reviewed_date > review.kefu_deadline
            )

    def _kefu_stamp(self, now):
        """Stamp when the review reached its reviewer and when it falls due (CON-3)."""
        settings = self.env["kefu.settings"]
        working_time = self.env["kefu.working.time"]
        days = settings.get_value("kefu_con_review_days")
        remind_hours = settings.get_value("kefu_con_reminder_hours")
        hours = days * (working_time._calendar().hours_per_day or 8.0)
        deadline = working_time.add_working_days(now, days)
        remind_at = working_time.add_working_hours(now, max(hours - remind_hours, 0.0))
        self.sudo().write(
            {"kefu_reached_on": now, "kefu_deadline": deadline, "kefu_remind_at": remind_at}
        )

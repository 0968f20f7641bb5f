from odoo import api, fields, models


class KefuDutyRoster(models.Model):
    """SVC-6: who is on duty on which holiday; tickets arriving then go to them."""

    _name = "kefu.duty.roster"
    _description = "Holiday Duty Roster"
    _rec_name = "user_id"
    _inherit = ["mail.thread", "kefu.input.mixin"]
    _order = "date desc, sequence, id"

    date = fields.Date(required=True, index=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="On Duty",
        required=True,
        domain=[("share", "=", False)],
        tracking=True,
    )
    team_id = fields.Many2one(
        "helpdesk.ticket.team", string="Team", help="Empty: tickets of every team."
    )
    sequence = fields.Integer(default=10)
    note = fields.Char()
    is_working_day = fields.Boolean(compute="_compute_is_working_day")

    _sql_constraints = [
        (
            "date_team_user_unique",
            "unique(date, team_id, user_id)",
            "This person is already on duty for that team on that day.",
        )
    ]

    @api.depends("date")
    def _compute_is_working_day(self):
        working_time = self.env["kefu.working.time"]
        for roster in self:
            roster.is_working_day = bool(roster.date) and working_time.is_working_day(roster.date)

    @api.model
    def _kefu_user_on_duty(self, day, team_id=False):
        """The user on duty on the local date ``day``, preferring the team's roster."""
        rosters = self.search([("date", "=", day), ("team_id", "in", [team_id or False, False])])
        if not rosters:
            return self.env["res.users"]
        own_team = rosters.filtered(lambda r: team_id and r.team_id.id == team_id)
        return (own_team or rosters)[:1].user_id

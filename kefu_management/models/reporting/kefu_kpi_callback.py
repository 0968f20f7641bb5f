from odoo import fields, models, tools

from ..callback.kefu_callback import CALLBACK_STATES


class KefuKpiCallback(models.Model):
    """RPT-5 / CBK-6: the callback pivot, one row per not cancelled callback with
    the figures as ``kefu.kpi.definition`` defines them: the day is the call's end
    when done, else the planned time (local date of the company's calendar); the
    agent is the callback's agent; satisfaction is empty unless the callback was
    done and rated, so that its average never counts planned callbacks as 0."""

    _name = "kefu.kpi.callback"
    _description = "Callback KPIs"
    _auto = False
    _order = "day desc"
    _rec_name = "callback_id"

    callback_id = fields.Many2one("kefu.callback", string="Callback", readonly=True)
    day = fields.Date(readonly=True)
    user_id = fields.Many2one("res.users", string="Agent", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", string="Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    key_customer = fields.Boolean(string="Key Customer", readonly=True)
    callback_type = fields.Selection(
        selection=lambda self: self.env["kefu.callback"]._fields["callback_type"].selection,
        string="Type",
        readonly=True,
    )
    state = fields.Selection(CALLBACK_STATES, readonly=True)
    callback_count = fields.Integer(string="Callbacks", readonly=True)
    done_count = fields.Integer(string="Done Callbacks", readonly=True)
    completion_rate = fields.Float(
        string="Callback Completion (%)", readonly=True, aggregator="avg"
    )
    satisfaction = fields.Float(
        string="Satisfaction (average score)", readonly=True, aggregator="avg"
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT cb.id, cb.id AS callback_id,
                       ((CASE WHEN cb.state = 'done' AND cb.date_end IS NOT NULL
                              THEN cb.date_end ELSE cb.planned_date END)
                           AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(rc.tz, 'UTC'))::date AS day,
                       cb.user_id, cb.team_id, cb.company_id, cb.partner_id,
                       COALESCE(cb.key_customer, false) AS key_customer,
                       cb.callback_type, cb.state,
                       1 AS callback_count,
                       CASE WHEN cb.state = 'done' THEN 1 ELSE 0 END AS done_count,
                       CASE WHEN cb.state = 'done' THEN 100.0 ELSE 0.0 END AS completion_rate,
                       CASE WHEN cb.state = 'done' AND cb.satisfaction IS NOT NULL
                            THEN cb.satisfaction::float END AS satisfaction
                  FROM kefu_callback cb
                  JOIN res_company c ON c.id = cb.company_id
             LEFT JOIN resource_calendar rc ON rc.id = c.resource_calendar_id
                 WHERE cb.state != 'cancelled'
            )
            """
        )

from odoo import fields, models, tools


class KefuKpiTicket(models.Model):
    """RPT-5 dashboard: one row per ticket with 0/100 measures, so that the
    pivot's averages are the rates (complaint rate = complaints / contacts,
    resolution, on time, response-limit hits) per period, team, agent, type and
    channel; each cell opens the rows and each row its ticket."""

    _name = "kefu.kpi.ticket"
    _description = "Ticket KPIs"
    _auto = False
    _order = "contact_date desc"
    _rec_name = "ticket_id"

    ticket_id = fields.Many2one("helpdesk.ticket", readonly=True)
    contact_date = fields.Datetime(readonly=True)
    user_id = fields.Many2one("res.users", string="Agent", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", string="Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    enquiry_type_id = fields.Many2one("kefu.enquiry.type", readonly=True)
    channel_id = fields.Many2one("helpdesk.ticket.channel", readonly=True)
    is_complaint = fields.Boolean(readonly=True)
    contact_count = fields.Integer(string="Contacts", readonly=True)
    complaint_rate = fields.Float(string="Complaint Rate (%)", readonly=True, aggregator="avg")
    resolution_rate = fields.Float(
        string="Complaint Resolution Rate (%)", readonly=True, aggregator="avg"
    )
    on_time_rate = fields.Float(
        string="Complaint On-time Rate (%)", readonly=True, aggregator="avg"
    )
    response_hit_rate = fields.Float(
        string="Response-limit Hit Rate (%)", readonly=True, aggregator="avg"
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # NULL rates stay out of the averages: resolution only for complaints,
        # on time only for resolved complaints, hits only for limited tickets.
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT t.id, t.id AS ticket_id, t.kefu_contact_date AS contact_date,
                       t.user_id,
                       t.team_id, t.company_id, t.kefu_enquiry_type_id AS enquiry_type_id,
                       t.channel_id, COALESCE(t.kefu_is_complaint, false) AS is_complaint,
                       1 AS contact_count,
                       CASE WHEN t.kefu_is_complaint THEN 100.0 ELSE 0.0 END AS complaint_rate,
                       CASE WHEN t.kefu_is_complaint
                            THEN CASE WHEN t.kefu_resolved_date IS NULL THEN 0.0 ELSE 100.0 END
                       END AS resolution_rate,
                       CASE WHEN t.kefu_is_complaint AND t.kefu_resolved_date IS NOT NULL
                            THEN t.kefu_on_time_rate END AS on_time_rate,
                       CASE WHEN t.kefu_response_deadline IS NOT NULL
                            THEN CASE WHEN t.kefu_response_breached THEN 0.0 ELSE 100.0 END
                       END AS response_hit_rate
                  FROM helpdesk_ticket t
            )
            """
        )

from odoo import fields, models, tools


class KefuKpiDaily(models.Model):
    """RPT-3: consultations, enquiries and proactive services per agent and day.

    A read-only SQL view over the tickets (consultations: enquiry type
    "Consultation"; enquiries: every other type) and the done callbacks
    (proactive services); days are local days of the company's calendar.
    """

    _name = "kefu.kpi.daily"
    _description = "Daily Service Counts"
    _rec_name = "user_id"
    _auto = False
    _order = "day desc, user_id"

    day = fields.Date(readonly=True)
    user_id = fields.Many2one("res.users", string="Agent", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", string="Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    consultation_count = fields.Integer(string="Consultations", readonly=True)
    enquiry_count = fields.Integer(string="Enquiries", readonly=True)
    proactive_count = fields.Integer(string="Proactive Services", readonly=True)
    total_count = fields.Integer(string="Total", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                WITH consult AS (
                    SELECT res_id AS type_id FROM ir_model_data
                     WHERE module = 'kefu_management'
                       AND name = 'kefu_enquiry_type_consultation'
                ), events AS (
                    SELECT t.company_id,
                           t.user_id,  -- RPT-5: the assignee (kefu.kpi.definition)
                           t.team_id,
                           (t.kefu_contact_date AT TIME ZONE 'UTC'
                               AT TIME ZONE COALESCE(rc.tz, 'UTC'))::date AS day,
                           CASE WHEN t.kefu_enquiry_type_id IN (SELECT type_id FROM consult)
                                THEN 1 ELSE 0 END AS consultation,
                           CASE WHEN t.kefu_enquiry_type_id IN (SELECT type_id FROM consult)
                                THEN 0 ELSE 1 END AS enquiry,
                           0 AS proactive
                      FROM helpdesk_ticket t
                      JOIN res_company c ON c.id = t.company_id
                 LEFT JOIN resource_calendar rc ON rc.id = c.resource_calendar_id
                     UNION ALL
                    SELECT cb.company_id, cb.user_id, cb.team_id,
                           (COALESCE(cb.date_end, cb.planned_date) AT TIME ZONE 'UTC'
                               AT TIME ZONE COALESCE(rc.tz, 'UTC'))::date,
                           0, 0, 1
                      FROM kefu_callback cb
                      JOIN res_company c ON c.id = cb.company_id
                 LEFT JOIN resource_calendar rc ON rc.id = c.resource_calendar_id
                     WHERE cb.state = 'done'
                )
                SELECT row_number() OVER (ORDER BY day, user_id, team_id, company_id) AS id,
                       day, user_id, team_id, company_id,
                       SUM(consultation) AS consultation_count,
                       SUM(enquiry) AS enquiry_count,
                       SUM(proactive) AS proactive_count,
                       SUM(consultation + enquiry + proactive) AS total_count
                  FROM events
              GROUP BY day, user_id, team_id, company_id
            )
            """
        )

from odoo import fields, models
from odoo.tools import SQL

from ..reporting.kefu_kpi_definition import ARCHIVE_KPIS


class KefuArchiveOntime(models.Model):
    """ARC-14 / RPT-5: the "Archive On-time Rates" pivot. One row per data form
    and on-time KPI that the KPI definition (``kefu.kpi.definition``) counts at
    this moment, measured 0 or 100, so that the pivot's average is the
    definition's rate for any person and period: forms not yet done and not yet
    due are left out, the person is the one the definition credits (the sales
    person, or the CS member who filed the form; nobody for a filing past due
    and not made), and the period is the contract's signing date in the
    company's working calendar.

    The rows are the forms the current user can read (the data forms' record
    rules apply through ``_search``), as the dashboard counts them."""

    _name = "kefu.archive.ontime"
    _description = "Archive On-time Rates"
    _auto = False
    _order = "signed_date desc, id desc"
    _rec_name = "form_id"
    # The rows are computed from these stored fields: flush them before reading.
    _depends = {
        "kefu.archive.form": [
            "company_id",
            "contract_signed_on",
            *sorted({name for spec in ARCHIVE_KPIS.values() for name in spec[:4]}),
        ],
        "res.company": ["resource_calendar_id"],
        "resource.calendar": ["tz"],
    }

    form_id = fields.Many2one("kefu.archive.form", string="Customer Data Form", readonly=True)
    kind = fields.Selection(
        [("sales", "Sales filing customer data"), ("cs", "CS updating archives")],
        string="KPI",
        readonly=True,
    )
    user_id = fields.Many2one("res.users", string="Person", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    contract_signed_on = fields.Datetime(readonly=True)
    signed_date = fields.Date(
        string="Signing Date",
        readonly=True,
        help="The contract's signing date in the company's working calendar: "
        "the period the form counts in (RPT-5).",
    )
    on_time_count = fields.Integer(string="On Time", readonly=True)
    on_time_rate = fields.Float(string="On-time Rate (%)", readonly=True, aggregator="avg")

    @property
    def _table_query(self):
        # Taken once per query, in Python like the definition's (and frozen in tests).
        now = fields.Datetime.now()
        Definition = self.env["kefu.kpi.definition"]
        Form = self.env["kefu.archive.form"]
        parts = []
        for index, (kind, (person, _done, _due, on_time, *_settings)) in enumerate(
            ARCHIVE_KPIS.items()
        ):
            # As the current user: the data forms' record rules apply.
            counted = Form._search(
                Definition._archive_counted_domain(kind, now)
                + [("company_id", "in", self.env.companies.ids)]
            )
            parts.append(
                SQL(
                    """
                    SELECT f.id * %(kinds)s + %(index)s AS id,
                           f.id AS form_id,
                           %(kind)s AS kind,
                           %(person)s AS user_id,
                           f.company_id,
                           f.contract_signed_on,
                           (f.contract_signed_on AT TIME ZONE 'UTC'
                                AT TIME ZONE COALESCE(cal.tz, 'UTC'))::date AS signed_date,
                           CASE WHEN %(on_time)s THEN 1 ELSE 0 END AS on_time_count,
                           CASE WHEN %(on_time)s THEN 100.0 ELSE 0.0 END AS on_time_rate
                      FROM kefu_archive_form f
                      JOIN res_company c ON c.id = f.company_id
                      LEFT JOIN resource_calendar cal ON cal.id = c.resource_calendar_id
                     WHERE f.id IN %(counted)s
                    """,
                    kinds=len(ARCHIVE_KPIS),
                    index=index,
                    kind=kind,
                    person=SQL.identifier("f", person),
                    on_time=SQL.identifier("f", on_time),
                    counted=counted.subselect(),
                )
            )
        return SQL(" UNION ALL ").join(parts)

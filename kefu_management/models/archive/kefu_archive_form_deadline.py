from odoo import api, fields, models


class KefuArchiveForm(models.Model):
    """ARC-2: the due times of open customer data forms follow the working calendar."""

    _name = "kefu.archive.form"
    _inherit = ["kefu.archive.form", "kefu.deadline.mixin"]

    @api.model
    def _kefu_recompute_deadlines(self, companies):
        now = fields.Datetime.now()
        company = [("company_id", "in", companies.ids)]
        drafts = self.search(company + [("state", "=", "draft"), ("form_due", ">", now)])
        drafts._compute_form_due()
        submitted = self.search(
            company
            + [("state", "=", "submitted"), ("filing_due", ">", now), ("submitted_on", "!=", False)]
        )
        hours = self.env["kefu.settings"].get_value("kefu_arc_filing_hours")
        working_time = self.env["kefu.working.time"]
        for form in submitted:
            form.filing_due = working_time.add_working_hours(
                form.submitted_on, hours, form.company_id
            )
        return super()._kefu_recompute_deadlines(companies)

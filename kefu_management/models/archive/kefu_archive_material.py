import pytz

from odoo import api, fields, models


class KefuArchive(models.Model):
    _inherit = "kefu.archive"  # pylint: disable=consider-merging-classes-inherited

    # ARC-8: archives are filed by month, quarter and year of their material;
    # the views group by this date's intervals (material_date:quarter ...).
    material_date = fields.Date(
        compute="_compute_material_date",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        help="Date of the archive's material: archives are filed by its month, quarter and year.",
    )

    @api.depends("create_date")
    def _compute_material_date(self):
        # Archives filed before the field existed, or without a date: their filing day.
        for archive in self:
            archive.material_date = archive.material_date or fields.Date.context_today(
                archive, archive.create_date or fields.Datetime.now()
            )


class KefuArchiveForm(models.Model):
    _inherit = "kefu.archive.form"  # pylint: disable=consider-merging-classes-inherited

    # ARC-8: a data form's material is dated by the contract's signature (local
    # date of the company calendar), unless given.
    material_date = fields.Date(
        compute="_compute_material_date",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="Date of the form's material: forms are filed by its month, quarter and year.",
    )

    @api.depends("contract_signed_on", "company_id")
    def _compute_material_date(self):
        working_time = self.env["kefu.working.time"]
        for form in self:
            if not form.contract_signed_on:
                form.material_date = form.material_date or fields.Date.context_today(form)
                continue
            tz = pytz.timezone(working_time._calendar(form.company_id).tz or "UTC")
            form.material_date = pytz.utc.localize(form.contract_signed_on).astimezone(tz).date()

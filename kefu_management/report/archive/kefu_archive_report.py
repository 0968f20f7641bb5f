from odoo import api, fields, models
from odoo.tools import format_amount, format_date

from ...models.archive.kefu_archive import ARC1_SECTIONS


class KefuArchiveReport(models.AbstractModel):
    """The printed archive: read as the user (record rules decide), logged, and
    marked with the reader's name and the time (ARC-10, ARC-13)."""

    _name = "report.kefu_management.kefu_archive_report_document"
    _description = "Printed Customer Archive"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["kefu.archive"].browse(docids)
        docs.check_access("read")
        self.env["kefu.archive.access.log"]._kefu_log(docs, "report")
        now = fields.Datetime.context_timestamp(self, fields.Datetime.now())
        return {
            "doc_ids": docids,
            "doc_model": "kefu.archive",
            "docs": docs,
            "kefu_sections": self._kefu_sections,
            "kefu_watermark": self.env._(
                "Read by %(name)s on %(time)s",
                name=self.env.user.name,
                time=now.strftime("%Y-%m-%d %H:%M"),
            ),
        }

    def _kefu_sections(self, archive):
        """[(section, [(label, text)])] of one archive, labels in the report's
        language (the template prints the section titles)."""
        return [
            (
                key,
                [
                    (
                        archive._fields[name]._description_string(self.env),
                        self._kefu_text(archive, name),
                    )
                    for name in names
                ],
            )
            for key, names in ARC1_SECTIONS
        ]

    def _kefu_text(self, archive, name):
        field, value = archive._fields[name], archive[name]
        if not value and field.type != "integer":
            return ""
        if field.type == "date":
            return format_date(self.env, value)
        if field.type == "monetary":
            return format_amount(self.env, value, archive.currency_id)
        if field.type == "many2one":
            return value.display_name
        return str(value)

from odoo import api, fields, models


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
            "kefu_watermark": self.env._(
                "Read by %(name)s on %(time)s",
                name=self.env.user.name,
                time=now.strftime("%Y-%m-%d %H:%M"),
            ),
        }

import io
import shutil
import subprocess
import unicodedata

from PyPDF2 import PdfReader

from odoo.tests import tagged

from ..common import KefuCase


def pdf_text(pdf):
    """The PDF's text: poppler's pdftotext when installed, else PyPDF2 (Odoo's own)."""
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
    return "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestArchivePdf(KefuCase):
    def test_printed_archive_is_a_pdf_with_the_chinese_name(self):
        # Issue 13 item 5: scripts/setup.sh installs wkhtmltopdf, so this prints
        # a real PDF (tests otherwise get HTML: force_report_rendering).
        partner = self.env["res.partner"].create(
            {"name": "上海东方贸易有限公司", "is_company": True}
        )
        archive = self.env["kefu.archive"].create(
            {"partner_id": partner.id, "org_structure": "董事会 / 总经理"}
        )
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        self.assertEqual(report.get_wkhtmltopdf_state(), "ok", "wkhtmltopdf is not installed")
        pdf, kind = report._render_qweb_pdf("kefu_management.kefu_archive_report", archive.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        # NFKC: the CJK font maps some glyphs to Kangxi radicals (⽅ for 方).
        text = unicodedata.normalize("NFKC", pdf_text(pdf))
        self.assertIn("上海东方贸易有限公司", "".join(text.split()))

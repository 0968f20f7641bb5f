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


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestPrintedArchiveLaysOutEveryArc1Section(KefuCase):
    def test_every_section_and_label_printed_in_chinese(self):
        # ARC-1: basic profile, characteristics, business status, trade status,
        # each field under its label (issue 18: the print was a stub without labels).
        self.env["res.lang"]._activate_lang("zh_CN")
        partner = self.env["res.partner"].create(
            {"name": "杭州新华商贸有限公司", "is_company": True}
        )
        archive = self.env["kefu.archive"].create(
            {
                "partner_id": partner.id,
                "owners": "张伟 60%",
                "service_area": "华东地区",
                "competitor_relations": "与竞争对手关系一般",
                "past_credit_problems": "2024年曾逾期一次",
                "staff_count": 120,
            }
        )
        report = self.env["ir.actions.report"].with_context(lang="zh_CN")
        html, _kind = report._render_qweb_html("kefu_management.kefu_archive_report", archive.ids)
        text = html.decode()
        for title in ("客户基本档案", "客户特征", "业务状况", "交易活动现状"):
            self.assertIn(title, text)
        labels = (
            self.env["kefu.archive"]
            .with_context(lang="zh_CN")
            .fields_get(
                [
                    "owners",
                    "service_area",
                    "competitor_relations",
                    "past_credit_problems",
                    "staff_count",
                ],
                ["string"],
            )
        )
        for label in labels.values():
            self.assertIn(label["string"], text)
        for value in ("张伟 60%", "华东地区", "与竞争对手关系一般", "2024年曾逾期一次", "120"):
            self.assertIn(value, text)

"""Issue 18 item 8: the customer data form starts from what the customer record
knows, however it is created (form, RPC, import), and filing puts its data into
the archive's own fields, not only into the chatter (ARC-1, ARC-2, ARC-3)."""

from odoo.tests import Form, tagged

from .common import KefuArchiveCase
from .test_archive_form import COMPLETE


class PrefillCase(KefuArchiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "上海宏达贸易有限公司",
                "is_company": True,
                "street": "浦东新区世纪大道100号",
                "phone": "021-5888 0000",
            }
        )
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "王芳",
                "parent_id": cls.customer.id,
                "type": "contact",
                "function": "采购经理",
                "phone": "138 0000 1111",
                "email": "wangfang@example.com",
            }
        )
        cls.Form = cls.env["kefu.archive.form"].with_user(cls.salesman)


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestArchiveFormPrefilledFromCustomer(PrefillCase):
    def test_create_without_values_takes_the_customers(self):
        # RPC and import call create with the customer only.
        form = self.Form.create({"partner_id": self.customer.id})
        self.assertEqual(form.company_name, "上海宏达贸易有限公司")
        self.assertEqual(form.street, "浦东新区世纪大道100号")
        self.assertEqual(form.phone, "021-5888 0000")
        self.assertEqual(form.contact_name, "王芳")
        self.assertEqual(form.contact_position, "采购经理")
        self.assertEqual(form.contact_phone, "138 0000 1111")
        self.assertEqual(form.contact_email, "wangfang@example.com")

    def test_given_values_are_kept(self):
        form = self.Form.create({"partner_id": self.customer.id, "phone": "021-1111 2222"})
        self.assertEqual(form.phone, "021-1111 2222")
        self.assertEqual(form.contact_name, "王芳")

    def test_onchange_fills_the_screen(self):
        with Form(self.Form) as screen:
            screen.partner_id = self.customer
            self.assertEqual(screen.company_name, "上海宏达贸易有限公司")
            self.assertEqual(screen.contact_position, "采购经理")
            self.assertEqual(screen.contact_email, "wangfang@example.com")


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestArchiveFormFilingWritesArchiveFields(PrefillCase):
    def test_filing_fills_the_archive(self):
        archive = self.archives["none"]
        form = self.Form.create({"partner_id": archive.partner_id.id, **COMPLETE})
        form.action_submit()
        form.with_user(self.agent).action_file()
        archive.invalidate_recordset()
        self.assertIn("Boss", archive.managers)
        for value in ("Li", "Buyer", "456", "li@example.com", "mornings"):
            self.assertIn(value, archive.decision_makers)
        self.assertIn("1990-01-01", archive.personal_details)
        # Filing the same data twice does not repeat it.
        again = self.Form.create({"partner_id": archive.partner_id.id, **COMPLETE})
        again.action_submit()
        again.with_user(self.agent).action_file()
        archive.invalidate_recordset()
        self.assertEqual(archive.decision_makers.count("li@example.com"), 1)

    def test_new_archive_carries_the_form(self):
        form = self.Form.create({"partner_id": self.customer.id, **COMPLETE})
        form.action_submit()
        form.with_user(self.agent).action_file()
        archive = form.sudo().archive_id
        self.assertIn("Boss", archive.managers)
        self.assertIn("Li", archive.decision_makers)

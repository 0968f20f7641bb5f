from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import KefuArchiveCase

COMPLETE = {
    "company_name": "Form Co.",
    "street": "1 Road",
    "phone": "123",
    "responsible_person": "Boss",
    "contact_name": "Li",
    "contact_position": "Buyer",
    "contact_phone": "456",
    "contact_email": "li@example.com",
    "contact_gender": "female",
    "contact_birthday": "1990-01-01",
    "contact_time": "mornings",
}


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestArchiveForm(KefuArchiveCase):
    def _form(self, **vals):
        partner = self.env["res.partner"].create({"name": "Form Co.", "is_company": True})
        return (
            self.env["kefu.archive.form"]
            .with_user(self.salesman)
            .create({"partner_id": partner.id, **vals})
        )

    def test_form_due_three_working_days_after_signature_across_holiday_and_make_up_day(self):
        self.add_holiday(date(2026, 11, 23), date(2026, 11, 23))  # Monday off
        self.add_makeup(date(2026, 11, 21))  # Saturday worked
        form = self._form(contract_signed_on=self.local(2026, 11, 20, 15, 0))
        # Sat, Tue, Wed: due Wednesday 15:00
        self.assertEqual(form.form_due, self.local(2026, 11, 25, 15, 0))
        activity = form.activity_ids
        self.assertEqual(activity.user_id, self.salesman)
        self.assertEqual(activity.date_deadline, date(2026, 11, 25))

    def test_mandatory_fields_are_enforced_on_submission(self):
        form = self._form(company_name="Only a name")
        with self.assertRaises(ValidationError) as caught:
            form.action_submit()
        self.assertIn("Address", str(caught.exception))
        self.assertEqual(form.state, "draft")

    def test_cs_files_within_24_working_hours_and_the_on_time_rates_follow(self):
        with freeze_time("2026-11-20 07:00:00"):  # Friday 15:00 Shanghai
            form = self._form(contract_signed_on=self.local(2026, 11, 19, 9, 0), **COMPLETE)
            form.action_submit()
            # 24 working hours = three 8-hour days: Mon, Tue, Wed -> Wed 15:00
            self.assertEqual(form.filing_due, self.local(2026, 11, 25, 15, 0))
        with freeze_time("2026-11-26 01:00:00"):  # Thursday 09:00: late
            self.assertTrue(form.filing_overdue)
            self.assertIn(form, form.search([("filing_overdue", "=", True)]))
            form.with_user(self.agent).action_file()
        form = form.sudo()
        self.assertEqual(form.state, "filed")
        self.assertTrue(form.archive_id)
        self.assertEqual(form.archive_id.partner_id, form.partner_id)
        self.assertTrue(form.form_on_time)
        self.assertFalse(form.filing_on_time)
        groups = form.read_group(
            [("id", "=", form.id)], ["form_on_time_rate:avg", "filing_on_time_rate:avg"], []
        )
        self.assertEqual(groups[0]["form_on_time_rate"], 100.0)
        self.assertEqual(groups[0]["filing_on_time_rate"], 0.0)

    def test_filing_updates_the_existing_archive_instead_of_a_second_one(self):
        archive = self.archives["none"]
        form = (
            self.env["kefu.archive.form"]
            .with_user(self.salesman)
            .create({"partner_id": archive.partner_id.id, **COMPLETE})
        )
        form.action_submit()
        form.with_user(self.agent).action_file()
        self.assertEqual(form.sudo().archive_id, archive)
        self.assertEqual(self.Archive.search_count([("partner_id", "=", archive.partner_id.id)]), 1)

    def test_sales_see_their_own_forms_only(self):
        mine = self._form()
        other = self.env["kefu.archive.form"].create(
            {"partner_id": mine.partner_id.id, "user_id": self.manager.id}
        )
        visible = self.env["kefu.archive.form"].with_user(self.salesman).search([])
        self.assertIn(mine, visible)
        self.assertNotIn(other, visible)
        self.assertIn(other, self.env["kefu.archive.form"].with_user(self.agent).search([]))

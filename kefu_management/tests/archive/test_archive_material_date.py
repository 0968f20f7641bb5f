from datetime import date

from odoo.tests import tagged

from .common import KefuArchiveCase
from .test_archive_form import COMPLETE


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestArchiveMaterialDate(KefuArchiveCase):
    """ARC-8: archives and data forms filed by month, quarter and year of the material."""

    def groups(self, model, records, interval):
        spec = f"material_date:{interval}"
        result = self.env[model].read_group(
            [("id", "in", records.ids)], ["material_date"], [spec], lazy=False
        )
        return {g["__range"][spec]["from"]: g["__count"] for g in result}

    def test_archives_group_by_month_quarter_and_year_of_their_material(self):
        archives = self.Archive
        for number, day in enumerate(
            (date(2026, 1, 15), date(2026, 2, 3), date(2026, 5, 20), date(2027, 1, 2))
        ):
            partner = self.env["res.partner"].create(
                {"name": f"Material {number} Co.", "is_company": True}
            )
            archives |= self.Archive.with_user(self.agent).create(
                {"partner_id": partner.id, "material_date": day}
            )
        model = "kefu.archive"
        self.assertEqual(
            self.groups(model, archives, "month"),
            {"2026-01-01": 1, "2026-02-01": 1, "2026-05-01": 1, "2027-01-01": 1},
        )
        self.assertEqual(
            self.groups(model, archives, "quarter"),
            {"2026-01-01": 2, "2026-04-01": 1, "2027-01-01": 1},
        )
        self.assertEqual(self.groups(model, archives, "year"), {"2026-01-01": 3, "2027-01-01": 1})
        # The search view offers the three groupings and a date filter on it.
        arch = self.Archive.get_views([(False, "search")])["views"]["search"]["arch"]
        for interval in ("month", "quarter", "year"):
            self.assertIn(f"material_date:{interval}", arch)
        self.assertIn('date="material_date"', arch)

    def test_a_form_takes_the_local_signature_date_and_gives_it_to_a_new_archive(self):
        partner = self.env["res.partner"].create({"name": "Form Material Co.", "is_company": True})
        Form = self.env["kefu.archive.form"].with_user(self.salesman)
        # 2026-04-01 00:30 in Shanghai is still 31 March in UTC: the second quarter.
        form = Form.create(
            {
                "partner_id": partner.id,
                "contract_signed_on": self.local(2026, 4, 1, 0, 30),
                **COMPLETE,
            }
        )
        self.assertEqual(form.material_date, date(2026, 4, 1))
        other = Form.create(
            {
                "partner_id": partner.id,
                "contract_signed_on": self.local(2026, 3, 2, 10, 0),
                "material_date": date(2025, 12, 31),
                **COMPLETE,
            }
        )
        self.assertEqual(other.material_date, date(2025, 12, 31))
        forms = form | other
        self.assertEqual(
            self.groups("kefu.archive.form", forms, "year"), {"2025-01-01": 1, "2026-01-01": 1}
        )
        form.action_submit()
        form.with_user(self.agent).action_file()
        self.assertEqual(form.sudo().archive_id.material_date, date(2026, 4, 1))
        arch = self.env["kefu.archive.form"].get_views([(False, "search")])["views"]["search"][
            "arch"
        ]
        self.assertIn("material_date:quarter", arch)

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from ..common import KefuCase

RULEBOOK_DEFAULTS = {
    "kefu_arc_form_days": 3,  # ARC-2
    "kefu_arc_filing_hours": 24,  # ARC-2
    "kefu_arc_personal_days": 30,  # ARC-3
    "kefu_arc_reverify_days": 90,  # ARC-5
    "kefu_arc_first_contact_days": 5,  # ARC-15: one week of working days
}


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestSettings(KefuCase):
    def test_defaults_are_the_rulebook_values(self):
        ICP = self.env["ir.config_parameter"].sudo()
        settings = self.env["res.config.settings"]
        for name, value in RULEBOOK_DEFAULTS.items():
            ICP.set_param(settings._fields[name].config_parameter, False)
            self.assertEqual(self.env["kefu.settings"].get_value(name), value, name)
        form = settings.create({})
        for name, value in RULEBOOK_DEFAULTS.items():
            self.assertEqual(form[name], value, name)

    def test_round_trip_through_the_settings_form(self):
        values = {name: value + 7 for name, value in RULEBOOK_DEFAULTS.items()}
        self.env["res.config.settings"].create(values).execute()
        reopened = self.env["res.config.settings"].create({})
        for name, value in values.items():
            self.assertEqual(reopened[name], value, name)
            self.assertEqual(self.env["kefu.settings"].get_value(name), value, name)

    def test_calendar_setting_is_the_company_calendar(self):
        other = self.calendar.copy({"name": "Other"})
        self.env["res.config.settings"].create({"kefu_calendar_id": other.id}).execute()
        self.assertEqual(self.company.resource_calendar_id, other)

    def test_zero_or_negative_numbers_are_refused_and_nothing_saved(self):
        before = self.env["kefu.settings"].get_value("kefu_arc_reverify_days")
        for bad in (0, -3):
            with self.assertRaises(ValidationError):
                self.env["res.config.settings"].create(
                    {"kefu_arc_reverify_days": bad, "kefu_arc_form_days": 9}
                )
        self.assertEqual(self.env["kefu.settings"].get_value("kefu_arc_reverify_days"), before)
        self.assertNotEqual(self.env["kefu.settings"].get_value("kefu_arc_form_days"), 9)

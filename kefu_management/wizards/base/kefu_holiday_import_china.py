from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ...models.base.kefu_translate import kefu_person_env
from ...models.base.kefu_translate import kefu_shared_env

# The package's data: its holidays and in-lieu working days up to the latest notice.
try:
    import chinese_calendar
except ImportError:  # pragma: no cover - an external dependency of the manifest
    chinese_calendar = None

YEAR_PARAM = "kefu_management.china_calendar_warned_year"


class KefuHolidayImport(models.TransientModel):
    """China's statutory holidays and make-up working days (调休) for a year."""

    _inherit = "kefu.holiday.import"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _china_known_years(self):
        if chinese_calendar is None:
            return set()
        return {day.year for day in chinese_calendar.holidays}

    @api.model
    def _china_name(self, english):
        names = {
            "New Year's Day": self.env._("New Year's Day"),
            "Spring Festival": self.env._("Spring Festival"),
            "Tomb-sweeping Day": self.env._("Tomb-sweeping Day"),
            "Labour Day": self.env._("Labour Day"),
            "Dragon Boat Festival": self.env._("Dragon Boat Festival"),
            "National Day": self.env._("National Day"),
            "Mid-autumn Festival": self.env._("Mid-autumn Festival"),
        }
        return names.get(english, english)

    @api.model
    def _china_days(self, year):
        """([(first, last, name)], [(day, name)]) of China's official calendar."""
        if year not in self._china_known_years():
            raise UserError(
                self.env._(
                    "China's official holidays of %(year)s are not known to this installation "
                    "yet: the State Council publishes them towards the end of the previous "
                    "year; update the chinesecalendar package, or import them from a file.",
                    year=year,
                )
            )
        days = sorted(d for d in chinese_calendar.holidays if d.year == year)
        holidays = []
        for day in days:
            name = self._china_name(chinese_calendar.holidays[day])
            if holidays and holidays[-1][1] == day - timedelta(days=1) and holidays[-1][2] == name:
                holidays[-1] = (holidays[-1][0], day, name)
            else:
                holidays.append((day, day, name))
        makeups = [
            (
                day,
                self.env._(
                    "%(holiday)s make-up working day",
                    holiday=self._china_name(chinese_calendar.workdays[day]),
                ),
            )
            for day in sorted(chinese_calendar.workdays)
            if day.year == year and day.weekday() >= 5
        ]
        return holidays, makeups

    @api.model
    def _cron_kefu_load_china_next_year(self):
        """Load next year's official calendar into every company's working calendar as
        soon as the installed package knows it; otherwise, from November on, tell the
        CS Managers once per year that it does not know it yet."""
        today = fields.Date.context_today(self)
        year = today.year + 1
        companies = self.env["res.company"].search([("resource_calendar_id", "!=", False)])
        if year in self._china_known_years():
            for company in companies:
                wizard = self.with_env(kefu_shared_env(self.env, company)).with_company(company)
                holidays, makeups = wizard._china_days(year)
                wizard._kefu_write_days(company.resource_calendar_id, holidays, makeups)
            return
        Params = self.env["ir.config_parameter"].sudo()
        if today.month < 11 or Params.get_param(YEAR_PARAM) == str(year):
            return
        group = self.env.ref("kefu_management.group_kefu_manager")
        for user in group.users.filtered(lambda u: not u.share):
            env = self.with_env(kefu_person_env(self.env, user))
            self.env["mail.thread"].sudo().message_notify(
                partner_ids=user.partner_id.ids,
                subject=env.env._("China's holidays of %(year)s are not loaded", year=year),
                body=env.env._(
                    "The installed chinesecalendar package does not know the official "
                    "holidays of %(year)s yet. Update it once the State Council has "
                    "published them, or import them under Working Time > Import Holidays.",
                    year=year,
                ),
            )
        Params.set_param(YEAR_PARAM, str(year))

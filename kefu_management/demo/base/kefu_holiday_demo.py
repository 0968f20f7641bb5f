import logging

from odoo import api, fields, models

from ...models.base.kefu_translate import kefu_shared_env

_logger = logging.getLogger(__name__)


class KefuHolidayImport(models.TransientModel):
    _inherit = "kefu.holiday.import"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _kefu_demo_load_china_year(self):
        """Demo data: this year's official holidays and make-up working days (调休) of
        China on the demo company's calendar, through the Settings feature. Days the
        calendar has already are not added again (demo data loads on every update); a
        year the installed chinesecalendar package does not know is skipped."""
        year = fields.Date.context_today(self).year
        if year not in self._china_known_years():
            _logger.info("chinesecalendar does not know %s: no official holidays in demo", year)
            return
        # The demo company is Chinese: its names in Chinese whenever zh_CN is loaded.
        active = [code for code, _name in self.env["res.lang"].get_installed()]
        if "zh_CN" in active:
            wizard = self.with_context(lang="zh_CN")
        else:
            wizard = self.with_env(kefu_shared_env(self.env))
        holidays, makeups = wizard._china_days(year)
        calendar = self.env.ref("resource.resource_calendar_std")
        wizard._kefu_write_days(calendar, holidays, makeups)

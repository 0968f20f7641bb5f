from odoo import api, models


class ResLang(models.Model):
    _inherit = "res.lang"

    @api.model_create_multi
    def create(self, vals_list):
        langs = super().create(vals_list)
        langs._kefu_china_tz_on_zh()
        return langs

    def write(self, vals):
        result = super().write(vals)
        if vals.get("active"):
            self._kefu_china_tz_on_zh()
        return result

    def _kefu_china_tz_on_zh(self):
        # Loading Chinese is choosing China: a company calendar still on Odoo's
        # fallback time zone (UTC) gets Asia/Shanghai.
        if any(lang.code == "zh_CN" and lang.active for lang in self):
            self.env["resource.calendar"].sudo()._kefu_default_china_tz()

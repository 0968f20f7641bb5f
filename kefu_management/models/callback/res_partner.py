from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

# Host first: the callback data of a customer (page, button, filters and fields on
# the contact form) is kefu's: other employees open contacts as without kefu.
# kefu's own code reads it as superuser on their behalf (the planner's cron, the
# ticket's complaint callback).
CALLBACK_READERS = "kefu_management.group_kefu_agent"


def _float_time(hours):
    hours = min(max(hours, 0.0), 24.0)
    if hours >= 24.0:
        return time.max
    minutes = round(hours * 60)
    return time(minutes // 60, minutes % 60)


class ResPartner(models.Model):
    """Callback data of a customer: key customer (CBK-3), rest time (CBK-3),
    responsible store or dealer (CBK-2), anniversary (CBK-4)."""

    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    kefu_key_customer = fields.Boolean(
        string="Key Customer", tracking=True, index=True, groups=CALLBACK_READERS
    )
    kefu_store_id = fields.Many2one(
        "res.partner",
        string="Responsible Store",
        help="Store or dealer that receives the callback feedback and follows up (CBK-2).",
        groups=CALLBACK_READERS,
    )
    kefu_rest_ids = fields.One2many(
        "kefu.callback.rest",
        "partner_id",
        string="Do-not-call Windows",
        help="Replace the default midday rest of the settings; calls are always kept "
        "inside the allowed hours and on working days (CBK-3).",
        groups=CALLBACK_READERS,
    )
    kefu_anniversary_date = fields.Date(
        string="Customer Anniversary",
        help="Special callback each year on this day (CBK-4).",
        groups=CALLBACK_READERS,
    )
    kefu_anniversary_check_date = fields.Date(
        string="Anniversary Next Look",
        copy=False,
        index=True,
        help="Technical: when the callback planner looks at this customer's anniversary again.",
        groups=CALLBACK_READERS,
    )
    kefu_callback_ids = fields.One2many(
        "kefu.callback", "partner_id", string="Callbacks", groups=CALLBACK_READERS
    )
    kefu_callback_count = fields.Integer(
        string="Callback Count", compute="_compute_kefu_callback_count", groups=CALLBACK_READERS
    )

    kefu_coverage_missing = fields.Boolean(
        string="Not Called Back This Month",
        compute="_compute_kefu_coverage_missing",
        search="_search_kefu_coverage_missing",
        help="Key customer without a done callback in the current month (CBK-3).",
        groups=CALLBACK_READERS,
    )

    def copy_data(self, default=None):
        # Host first: a contact manager outside kefu duplicates a customer as without
        # kefu; its callback data is copied as an agent would, read as superuser on
        # his behalf (he may neither read nor see it).
        default = dict(default or {})
        hidden = [
            name
            for name, field in self._fields.items()
            if field.copy
            and field.groups == CALLBACK_READERS
            and name not in default
            and not field.is_accessible(self.env)
        ]
        if not hidden:
            return super().copy_data(default)
        vals_list = super().copy_data(dict(default, **dict.fromkeys(hidden, False)))
        for partner, vals in zip(self.sudo(), vals_list, strict=True):
            if vals is None:
                continue
            for name in hidden:
                field = self._fields[name]
                vals[name] = field.convert_to_write(partner[name], partner)
        return vals_list

    def write(self, vals):
        if "kefu_anniversary_date" in vals:
            # A new anniversary date is looked at by the next planner run (CBK-4).
            vals = dict(vals, kefu_anniversary_check_date=False)
        return super().write(vals)

    def _kefu_coverage_missing(self):
        planner = self.env["kefu.callback.planner"]
        first, after = planner._period(planner._today())
        return planner.coverage(first, after)["missing"]

    def _compute_kefu_coverage_missing(self):
        missing = self._kefu_coverage_missing()
        for partner in self:
            partner.kefu_coverage_missing = partner in missing

    def _search_kefu_coverage_missing(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError()
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", self._kefu_coverage_missing().ids)]

    @api.depends("kefu_callback_ids")
    def _compute_kefu_callback_count(self):
        groups = self.env["kefu.callback"]._read_group(
            [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.kefu_callback_count = counts.get(partner.id, 0)

    def action_open_kefu_callbacks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kefu_management.kefu_callback_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    # CBK-3: rest time ---------------------------------------------------------

    def _kefu_tz(self):
        self.ensure_one()
        calendar_tz = self.env.company.resource_calendar_id.tz
        return pytz.timezone(self.tz or calendar_tz or "UTC")

    def _kefu_rest_windows(self):
        """(from, until) hours in which the customer rests, besides the night."""
        self.ensure_one()
        if self.kefu_rest_ids:
            return [(w.hour_from, w.hour_to) for w in self.kefu_rest_ids]
        get = self.env["kefu.settings"].get_value
        return [(get("kefu_cbk_rest_from"), get("kefu_cbk_rest_to"))]

    def _kefu_rest_reason(self, moment):
        """Why ``moment`` (naive UTC) is rest time for the customer, or False."""
        self.ensure_one()
        local = pytz.utc.localize(moment).astimezone(self._kefu_tz())
        get = self.env["kefu.settings"].get_value
        if not self.env["kefu.working.time"].is_working_day(local.date()):
            return self.env._("non-working day")
        hour = local.hour + local.minute / 60.0 + local.second / 3600.0
        if hour < get("kefu_cbk_call_from") or hour >= get("kefu_cbk_call_to"):
            return self.env._("outside the calling hours")
        for start, stop in self._kefu_rest_windows():
            if start <= hour < stop:
                return self.env._("do-not-call window")
        return False

    def _kefu_next_call_slot(self, moment):
        """The first moment at or after ``moment`` (naive UTC) outside the
        customer's rest time, in naive UTC (CBK-3)."""
        self.ensure_one()
        tz = self._kefu_tz()
        get = self.env["kefu.settings"].get_value
        call_from, call_to = get("kefu_cbk_call_from"), get("kefu_cbk_call_to")
        windows = self._kefu_rest_windows()
        working = self.env["kefu.working.time"]
        local = pytz.utc.localize(moment).astimezone(tz)

        def at(day, hours):
            return tz.localize(datetime.combine(day, _float_time(hours)))

        for _i in range(1000):
            day = local.date()
            hour = local.hour + local.minute / 60.0 + local.second / 3600.0
            if not working.is_working_day(day) or hour >= call_to:
                local = at(day + timedelta(days=1), call_from)
                continue
            if hour < call_from:
                local = at(day, call_from)
                continue
            inside = [stop for start, stop in windows if start <= hour < stop]
            if inside:
                local = at(day, max(inside))
                continue
            return local.astimezone(pytz.utc).replace(tzinfo=None)
        return moment

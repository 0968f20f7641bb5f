import base64
import csv
import io
from datetime import date, datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

HOLIDAY_WORDS = {"holiday", "假日", "节假日", "放假", "休息"}
MAKEUP_WORDS = {"makeup", "make-up", "working", "workday", "调休", "补班", "上班"}
# Chinese column headers.
HEADER_WORDS = {"日期": "date", "名称": "name", "类型": "type", "结束日期": "date_to"}


class KefuHolidayImport(models.TransientModel):
    """Import public holidays and make-up working days (调休) into a calendar.

    Two sources, one way of writing them: China's official calendar for a year
    (the ``chinesecalendar`` package, which follows the State Council's yearly
    notice), or a CSV or XLSX file with the columns date (YYYY-MM-DD), name, type
    (holiday / makeup, or 放假 / 调休) and an optional date_to for a holiday
    spanning several days; a header row is expected. Everything is checked before
    anything is written, and days already in the calendar are not added twice.
    """

    _name = "kefu.holiday.import"
    _description = "Import Holidays and Make-up Days"
    _rec_name = "calendar_id"

    source = fields.Selection(
        [("china", "China's official calendar"), ("file", "File (CSV or XLSX)")],
        required=True,
        default="china",
    )
    year = fields.Integer(default=lambda self: fields.Date.context_today(self).year)
    file = fields.Binary()
    filename = fields.Char()
    calendar_id = fields.Many2one(
        "resource.calendar",
        required=True,
        default=lambda self: self.env.company.resource_calendar_id,
    )
    holiday_count = fields.Integer(readonly=True)
    makeup_count = fields.Integer(readonly=True)

    def _read_rows(self):
        content = base64.b64decode(self.file or b"")
        name = (self.filename or "").lower()
        if name.endswith(".xlsx"):
            import openpyxl

            try:
                sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
            except Exception as exc:
                raise UserError(self.env._("The file is not a readable XLSX file.")) from exc
            rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        elif name.endswith(".csv") or not name:
            # UTF-8, or GBK/GB18030 as spreadsheets save CSV on Chinese Windows.
            try:
                text = content.decode("utf-8-sig")
            except UnicodeDecodeError:
                try:
                    text = content.decode("gb18030")
                except UnicodeDecodeError as exc:
                    raise UserError(
                        self.env._("The CSV file must be encoded in UTF-8 or GB18030 (GBK).")
                    ) from exc
            rows = list(csv.reader(io.StringIO(text)))
        else:
            raise UserError(self.env._("Only CSV and XLSX files can be imported."))
        rows = [r for r in rows if any(c not in (None, "") for c in r)]
        if len(rows) < 2:
            raise UserError(self.env._("The file has no rows below its header."))
        header = [str(c or "").strip().lower() for c in rows[0]]
        header = [HEADER_WORDS.get(column, column) for column in header]
        for column in ("date", "name", "type"):
            if column not in header:
                raise UserError(
                    self.env._(
                        "The file needs the columns date, name and type; %(column)s is missing.",
                        column=column,
                    )
                )
        return [dict(zip(header, row, strict=False)) for row in rows[1:]]

    def _parse_date(self, value, line):
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return fields.Date.to_date(str(value).strip())
        except ValueError as exc:
            raise UserError(
                self.env._(
                    "Line %(line)s: %(value)s is not a date (YYYY-MM-DD).", line=line, value=value
                )
            ) from exc

    def _parse(self):
        if self.source == "china":
            return self._china_days(self.year)
        if not self.file:
            raise UserError(self.env._("Choose the file to import."))
        holidays, makeups = [], []
        for index, row in enumerate(self._read_rows(), start=2):
            day = self._parse_date(row.get("date"), index)
            name = str(row.get("name") or "").strip()
            kind = str(row.get("type") or "").strip().lower()
            if not day or not name:
                raise UserError(
                    self.env._("Line %(line)s: date and name are required.", line=index)
                )
            if kind in HOLIDAY_WORDS:
                day_to = self._parse_date(row["date_to"], index) if row.get("date_to") else day
                if day_to < day:
                    raise UserError(
                        self.env._("Line %(line)s: date_to is before date.", line=index)
                    )
                holidays.append((day, day_to, name))
            elif kind in MAKEUP_WORDS:
                makeups.append((day, name))
            else:
                raise UserError(
                    self.env._(
                        "Line %(line)s: type must be holiday or makeup, not %(type)s.",
                        line=index,
                        type=kind,
                    )
                )
        return holidays, makeups

    def action_import(self):
        self.ensure_one()
        holidays, makeups = self._parse()
        holiday_count, makeup_count = self._kefu_write_days(self.calendar_id, holidays, makeups)
        self.write({"holiday_count": holiday_count, "makeup_count": makeup_count})
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(holidays)s holidays and %(makeups)s make-up working days imported.",
                    holidays=holiday_count,
                    makeups=makeup_count,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    @api.model
    def _kefu_write_days(self, calendar, holidays, makeups):
        """Add the holidays [(first, last, name)] and make-up days [(day, name)]
        that the calendar does not have yet; return how many of each were added."""
        tz = pytz.timezone(calendar.tz or "UTC")
        Leave = self.env["resource.calendar.leaves"]
        Makeup = self.env["kefu.makeup.day"]
        leave_vals = []
        for day, day_to, name in holidays:
            start = tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc)
            stop = tz.localize(datetime.combine(day_to + timedelta(days=1), time.min))
            stop = stop.astimezone(pytz.utc) - timedelta(seconds=1)
            exists = Leave.search_count(
                [
                    ("calendar_id", "=", calendar.id),
                    ("resource_id", "=", False),
                    ("date_from", "=", start.replace(tzinfo=None)),
                    ("date_to", "=", stop.replace(tzinfo=None)),
                ]
            )
            if not exists:
                leave_vals.append(
                    {
                        "name": name,
                        "calendar_id": calendar.id,
                        "company_id": calendar.company_id.id or self.env.company.id,
                        "date_from": start.replace(tzinfo=None),
                        "date_to": stop.replace(tzinfo=None),
                        "time_type": "leave",
                    }
                )
        makeup_vals = [
            {"name": name, "date": day, "calendar_id": calendar.id}
            for day, name in makeups
            if not Makeup.search_count([("calendar_id", "=", calendar.id), ("date", "=", day)])
        ]
        Leave.create(leave_vals)
        Makeup.create(makeup_vals)
        return len(leave_vals), len(makeup_vals)

import base64
import csv
import io
from datetime import date, datetime, time, timedelta

import pytz

from odoo import fields, models
from odoo.exceptions import UserError

HOLIDAY_WORDS = {"holiday", "假日", "节假日", "放假", "休息"}
MAKEUP_WORDS = {"makeup", "make-up", "working", "workday", "调休", "补班", "上班"}


class KefuHolidayImport(models.TransientModel):
    """Import public holidays and make-up working days from a CSV or XLSX file.

    Columns: date (YYYY-MM-DD), name, type (holiday / makeup, or 放假 / 调休),
    optional date_to for a holiday spanning several days. A header row is
    expected. The whole file is checked before anything is written.
    """

    _name = "kefu.holiday.import"
    _description = "Import Holidays and Make-up Days"

    file = fields.Binary(required=True)
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
            try:
                text = content.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise UserError(self.env._("The CSV file must be encoded in UTF-8.")) from exc
            rows = list(csv.reader(io.StringIO(text)))
        else:
            raise UserError(self.env._("Only CSV and XLSX files can be imported."))
        rows = [r for r in rows if any(c not in (None, "") for c in r)]
        if len(rows) < 2:
            raise UserError(self.env._("The file has no rows below its header."))
        header = [str(c or "").strip().lower() for c in rows[0]]
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
        calendar = self.calendar_id
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
        self.write({"holiday_count": len(leave_vals), "makeup_count": len(makeup_vals)})
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(holidays)s holidays and %(makeups)s make-up working days imported.",
                    holidays=len(leave_vals),
                    makeups=len(makeup_vals),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

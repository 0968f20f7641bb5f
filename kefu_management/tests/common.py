import json
import logging
from datetime import datetime

import pytz
from freezegun import freeze_time

from odoo.tests import TransactionCase, new_test_user


class KefuCase(TransactionCase):
    """Fixtures shared by the kefu tests: one user per role, a known calendar."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.agent = new_test_user(cls.env, "t_agent", groups="kefu_management.group_kefu_agent")
        cls.leader = new_test_user(
            cls.env, "t_leader", groups="kefu_management.group_kefu_team_leader"
        )
        cls.manager = new_test_user(
            cls.env, "t_manager", groups="kefu_management.group_kefu_manager"
        )
        cls.supervisor = new_test_user(
            cls.env, "t_supervisor", groups="kefu_management.group_kefu_info_supervisor"
        )
        cls.general_manager = new_test_user(
            cls.env, "t_gm", groups="kefu_management.group_kefu_general_manager"
        )
        cls.employee = new_test_user(cls.env, "t_employee", groups="base.group_user")
        # Mon-Fri 08:00-12:00 and 13:00-17:00 in Shanghai, no holidays.
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Kefu test calendar",
                "tz": "Asia/Shanghai",
                "company_id": cls.company.id,
                "attendance_ids": [
                    (
                        0,
                        0,
                        {
                            "name": f"{day} {period}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": stop,
                            "day_period": period,
                        },
                    )
                    for day in range(5)
                    for start, stop, period in ((8, 12, "morning"), (13, 17, "afternoon"))
                ],
            }
        )
        cls.company.resource_calendar_id = cls.calendar
        cls.wt = cls.env["kefu.working.time"]

    @classmethod
    def local(cls, *args, tz="Asia/Shanghai"):
        """A naive UTC datetime from a local wall-clock time."""
        return pytz.timezone(tz).localize(datetime(*args)).astimezone(pytz.utc).replace(tzinfo=None)

    @classmethod
    def add_holiday(cls, first, last, name="Holiday", calendar=None):
        calendar = calendar or cls.calendar
        return cls.env["resource.calendar.leaves"].create(
            {
                "name": name,
                "calendar_id": calendar.id,
                "date_from": cls.local(first.year, first.month, first.day, 0, 0, tz=calendar.tz),
                "date_to": cls.local(last.year, last.month, last.day, 23, 59, 59, tz=calendar.tz),
                "time_type": "leave",
            }
        )

    @classmethod
    def add_makeup(cls, day, calendar=None, work_as="0"):
        calendar = calendar or cls.calendar
        return cls.env["kefu.makeup.day"].create(
            {
                "name": "Make-up day",
                "date": day,
                "calendar_id": calendar.id,
                "work_as": work_as,
            }
        )


class KefuRpcMixin:
    """JSON-RPC as an outside client would send it (for ``HttpCase`` tests):
    ``/web/dataset/call_kw`` as a logged-in user, with no context unless given.
    Users made with ``new_test_user`` have their login as password."""

    def rpc(self, login, model, method, *args, context=None, **kwargs):
        """(result, error) of one call; ``error`` is JSON-RPC's error dict or None."""
        self.authenticate(login, login)
        if context is not None:
            kwargs["context"] = context
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        }
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        response.raise_for_status()
        body = response.json()
        return body.get("result"), body.get("error")

    def assertRpcRefused(self, login, model, method, *args, message=None, **kwargs):
        """The call fails (optionally with ``message`` in its text); returns the error."""
        result, error = self.rpc(login, model, method, *args, **kwargs)
        self.assertTrue(error, f"{login}: {model}.{method} was accepted ({result!r})")
        if message:
            self.assertIn(message, error["data"]["message"])
        return error

    def assertContactSavedOverRpc(self, login, partner, email):
        """Host first: ``login`` saves ``partner`` and creates a company contact as the
        web client does (``web_save``), as he would without kefu."""
        result, error = self.rpc(
            login,
            "res.partner",
            "web_save",
            partner.ids,
            {"email": email},
            specification={"email": {}},
        )
        self.assertFalse(error, error)
        self.assertEqual(result[0]["email"], email)
        result, error = self.rpc(
            login,
            "res.partner",
            "web_save",
            [],
            {"name": "Wuxi Cable Co.", "is_company": True},
            specification={"name": {}},
        )
        self.assertFalse(error, error)
        return result


# Issue 17: the one way the kefu addons measure a scheduled job's per-record cost.
# A cron runs as ``ir.cron`` runs it (no context, one batch through
# ``kefu.cron.batch``) on N and then 2N due records after a warm-up run; the marginal
# cost ``(q(2N) - q(N)) / N`` is at most ``MAX_PER_RECORD`` queries. Each run handles
# all the due records, and a second run finds nothing to do. The jobs that assign
# activities tell each assignee once per batch (``kefu.cron.batch.notify_assignees``),
# counted with the rest.
_logger = logging.getLogger(__name__)

MAX_PER_RECORD = 5
N = 10


class CronBoundsMixin:
    """Runs a cron on N and 2N due records and bounds the marginal cost."""

    NOW = datetime(2027, 3, 10, 4, 0)  # Wednesday 12:00 in Shanghai
    LATER = datetime(2027, 3, 10, 6, 0)

    def as_cron(self, model_name, activities=False):
        """The model as ``ir.cron`` runs it (no context). ``activities`` (the job
        assigns activities) is kept for the callers' reading: since each assignee
        is told once per batch, those jobs are counted like the others."""
        return self.env(context={})[model_name]

    def count(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        result = func()
        self.env.flush_all()
        return self.cr.sql_log_count - before, result

    def assertBounded(self, make, run, handled, at=None):
        """make(n) -> n records made at ``NOW``, due at ``at`` (``LATER``); run()
        runs the cron then; handled(records) -> whether it handled them all."""
        at = at or self.LATER

        def made(count):
            with freeze_time(self.NOW):
                return make(count)

        with freeze_time(at):
            warm = made(2)
            run()
            self.assertTrue(handled(warm))
            first = made(N)
            single, _ = self.count(run)
            self.assertTrue(handled(first), "lost work at N")
            second = made(2 * N)
            double, _ = self.count(run)
            self.assertTrue(handled(second), "lost work at 2N")
            _, again = self.count(run)
            self.assertFalse(again, "a second run found work again")
            self.assertTrue(handled(second), "a second run did work twice")
        per_record = (double - single) / (len(second) - len(first))
        _logger.info(
            "%s: %.1f queries per record (%s, %s)",
            self._testMethodName,
            per_record,
            single,
            double,
        )
        self.assertLessEqual(per_record, MAX_PER_RECORD, (single, double))
        return per_record

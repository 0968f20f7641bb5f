"""Locust load test (issue 17): simulated agents on their daily flows.

Each simulated agent logs in with its own user (``kefu_load_agent_01`` ... made by
``bench/load/fill.py``, password = login; ``KEFU_LOAD_AGENTS`` of them, or the logins in
``KEFU_LOAD_LOGINS``), loads the views of its screens once (``get_views``, as the web
client does when it opens a menu) and then repeats its day through the JSON-RPC routes
of the web client:

- ticket list: the open tickets of its teams (``web_search_read`` of the list view);
- open ticket: the form (``web_read`` with the form's specification) and the chatter
  (``/mail/thread/data``, ``/mail/thread/messages``);
- reply: a message to the customer (``/mail/message/post``, the customer as recipient);
- log a call: a phone contact on the ticket (SVC-4, ``web_save`` of ``kefu.ticket.contact``)
  and one of its to-dos marked done (``action_feedback``) when it has one;
- hand over: the shift handover (SVC-5): create it, load the open tickets, describe each,
  hand over (``action_hand_over``); the next shift acknowledges it (``action_acknowledge``);
- open an archive: the list of its allocated customers' archives and one archive's form;
- do a callback: its planned callbacks, one callback's form, start, answer the form and
  the outcome, done (``action_start``, ``web_save``, ``action_done``).

Locust prints every request under its flow's name (``ticket list``, ``open ticket: form``
...), and the whole of each multi-request flow as request type ``flow``: p50/p95/p99 and
failures per flow. Run through ``bench/load/run_load.sh`` (127.0.0.1 only, bounded time).
"""

import itertools
import os
import random
import time
from datetime import datetime, timedelta
from xml.etree import ElementTree

from locust import HttpUser
from locust import between
from locust import task

AGENTS = int(os.environ.get("KEFU_LOAD_AGENTS", "50"))
# An agent's think time between two flows, in seconds ("min max"): reading the
# customer's message, typing the reply, talking on the phone.
WAIT = [float(x) for x in os.environ.get("KEFU_LOAD_WAIT", "5 15").split()]
LOGINS = itertools.cycle(
    os.environ["KEFU_LOAD_LOGINS"].split(",")
    if os.environ.get("KEFU_LOAD_LOGINS")
    else [f"kefu_load_agent_{i:02d}" for i in range(1, AGENTS + 1)]
)
SCREENS = {
    "helpdesk.ticket": ["list", "form", "search"],
    "kefu.callback": ["list", "form", "search"],
    "kefu.archive": ["list", "form", "search"],
    "kefu.shift.handover": ["form"],
    "kefu.ticket.contact": ["form"],
}


class RpcError(Exception):
    pass


def field_nodes(node):
    """The ``<field>`` nodes of a view, not those inside another field (its sub-views)."""
    for child in node:
        if child.tag == "field":
            yield child
        else:
            yield from field_nodes(child)


def specification(arch, model, models):
    """The web client's ``specification`` of a view: every field of the arch, a many2one
    with its display name, an x2many with the fields of its sub-view (limit 40 in a form,
    like the client)."""
    fields = models[model]["fields"]
    root = ElementTree.fromstring(arch) if isinstance(arch, str) else arch
    spec = {}
    for node in field_nodes(root):
        name = node.get("name")
        info = fields.get(name)
        if not info:
            continue
        if info["type"] == "many2one":
            spec[name] = {"fields": {"display_name": {}}}
        elif info["type"] in ("one2many", "many2many"):
            sub = next((child for child in node if child.tag in ("list", "kanban")), None)
            relation = info["relation"]
            if sub is not None and relation in models:
                subspec = specification(sub, relation, models)
            else:
                subspec = {"display_name": {}}
            spec[name] = {"fields": subspec}
            if root.tag == "form":
                spec[name]["limit"] = 40
        else:
            spec[name] = {}
    return spec


class Agent(HttpUser):
    wait_time = between(*WAIT)

    # Requests --------------------------------------------------------------------

    def rpc(self, url, params, name):
        with self.client.post(
            url,
            json={"jsonrpc": "2.0", "method": "call", "params": params},
            name=name,
            catch_response=True,
        ) as response:
            try:
                body = response.json()
            except ValueError:
                body = {}
            if not response.ok or "error" in body:
                error = body.get("error", {})
                message = error.get("data", {}).get("message") or error or response.status_code
                response.failure(str(message)[:300])
                raise RpcError(str(message)[:300])
            return body.get("result")

    def call(self, model, method, args, kwargs=None, name=None, button=False):
        kwargs = dict(kwargs or {})
        kwargs.setdefault("context", self.user_context)
        route = "call_button" if button else "call_kw"
        return self.rpc(
            f"/web/dataset/{route}/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
            name=name or f"{model}.{method}",
        )

    def flow(self, name, steps):
        """Run ``steps`` as one flow: its total time is reported as type ``flow``."""
        start = time.perf_counter()
        exception = None
        try:
            steps()
        except Exception as error:  # noqa: BLE001 - reported as the flow's failure
            exception = error
        self.environment.events.request.fire(
            request_type="flow",
            name=name,
            response_time=(time.perf_counter() - start) * 1000,
            response_length=0,
            exception=exception,
            context={},
        )

    # Session -----------------------------------------------------------------------

    def on_start(self):
        self.login = next(LOGINS)
        self.ticket_ids = []
        self.views = {}
        try:
            info = self.rpc(
                "/web/session/authenticate",
                {"db": os.environ["KEFU_LOAD_DB"], "login": self.login, "password": self.login},
                name="login",
            )
        except RpcError:
            self.stop()
            return
        self.uid = info["uid"]
        self.user_context = dict(info["user_context"], bin_size=True)
        self.user_context["allowed_company_ids"] = [info["user_companies"]["current_company"]]
        self.flow("load views", self.load_views)

    def views_ready(self):
        """The views, loaded again when their first load failed (a timeout under load)."""
        if not self.views:
            self.flow("load views", self.load_views)
        return bool(self.views)

    def load_views(self):
        views = {}
        for model, types in SCREENS.items():
            result = self.call(
                model,
                "get_views",
                [],
                {"views": [[False, view_type] for view_type in types], "options": {}},
                name="load views",
            )
            for view_type in types:
                arch = result["views"][view_type]["arch"]
                views[model, view_type] = (
                    specification(arch, model, result["models"]) if view_type != "search" else {}
                )
        self.views = views  # all or nothing: a timeout midway loads them again later

    # Flows -----------------------------------------------------------------------------

    def list_tickets(self):
        result = self.call(
            "helpdesk.ticket",
            "web_search_read",
            [],
            {
                "domain": [["closed", "=", False]],  # the action's default filter "Open"
                "specification": self.views["helpdesk.ticket", "list"],
                "offset": 0,
                "limit": 80,
                "order": "",
                "count_limit": 10001,
            },
            name="ticket list",
        )
        self.ticket_ids = [record["id"] for record in result["records"]]
        return result["records"]

    def a_ticket(self):
        if not self.ticket_ids:
            self.list_tickets()
        return random.choice(self.ticket_ids) if self.ticket_ids else None

    @task(6)
    def ticket_list(self):
        if not self.views_ready():
            return
        self.flow("ticket list", self.list_tickets)

    def open_ticket_steps(self, ticket_id):
        record = self.call(
            "helpdesk.ticket",
            "web_read",
            [[ticket_id]],
            {"specification": self.views["helpdesk.ticket", "form"]},
            name="open ticket: form",
        )[0]
        self.rpc(
            "/mail/thread/data",
            {
                "thread_model": "helpdesk.ticket",
                "thread_id": ticket_id,
                "request_list": [
                    "activities",
                    "attachments",
                    "followers",
                    "scheduledMessages",
                    "suggestedRecipients",
                ],
            },
            name="open ticket: chatter data",
        )
        self.rpc(
            "/mail/thread/messages",
            {"thread_model": "helpdesk.ticket", "thread_id": ticket_id, "limit": 30},
            name="open ticket: messages",
        )
        return record

    @task(5)
    def open_ticket(self):
        if not self.views_ready():
            return
        ticket_id = self.a_ticket()
        if ticket_id:
            self.flow("open ticket", lambda: self.open_ticket_steps(ticket_id))

    @task(2)
    def reply(self):
        if not self.views_ready():
            return
        ticket_id = self.a_ticket()
        if not ticket_id:
            return

        def steps():
            record = self.open_ticket_steps(ticket_id)
            partner = record.get("partner_id") or {}
            post_data = {
                "body": "您好，您的问题我们已经处理，如有疑问请随时联系我们。",
                "message_type": "comment",
                "subtype_xmlid": "mail.mt_comment",
            }
            if partner.get("id"):
                post_data["partner_ids"] = [partner["id"]]
            self.rpc(
                "/mail/message/post",
                {
                    "thread_model": "helpdesk.ticket",
                    "thread_id": ticket_id,
                    "post_data": post_data,
                    "context": {**self.user_context, "mail_post_autofollow": True},
                },
                name="reply",
            )

        self.flow("reply", steps)

    @task(2)
    def log_call(self):
        if not self.views_ready():
            return
        ticket_id = self.a_ticket()
        if not ticket_id:
            return

        def steps():
            action = self.call(
                "helpdesk.ticket",
                "action_kefu_log_contact",
                [[ticket_id]],
                name="log a call: dialog",
                button=True,
            )
            defaults = {
                key[len("default_") :]: value
                for key, value in action["context"].items()
                if key.startswith("default_")
            }
            vals = {
                "ticket_id": ticket_id,
                "direction": "out",
                "channel_id": defaults.get("channel_id"),
                "name": defaults.get("name") or "客户",
                "number": defaults.get("number") or "021-50000000",
                "content": "电话回复客户，已说明处理进度。",
            }
            self.call(
                "kefu.ticket.contact",
                "web_save",
                [[], vals],
                {
                    "specification": {"display_name": {}},
                    "context": {**self.user_context, **action["context"]},
                },
                name="log a call: save",
            )
            # The call done: one of my to-dos on my tickets marked done, if any.
            activities = self.call(
                "mail.activity",
                "search_read",
                [[["user_id", "=", self.uid], ["res_model", "=", "helpdesk.ticket"]]],
                {"fields": ["id"], "limit": 1},
                name="log a call: my activities",
            )
            if activities:
                self.call(
                    "mail.activity",
                    "action_feedback",
                    [[activities[0]["id"]]],
                    {"feedback": "已电话联系客户。"},
                    name="log a call: activity done",
                    button=True,
                )

        self.flow("log a call", steps)

    @task(1)
    def hand_over(self):
        if not self.views_ready():
            return

        def steps():
            # The next shift first acknowledges what was handed to it.
            pending = self.call(
                "kefu.shift.handover",
                "search_read",
                [[["next_user_id", "=", self.uid], ["state", "=", "handed_over"]]],
                {"fields": ["id"], "limit": 5},
                name="hand over: pending",
            )
            for handover in pending:
                self.call(
                    "kefu.shift.handover",
                    "action_acknowledge",
                    [[handover["id"]]],
                    name="hand over: acknowledge",
                    button=True,
                )
            colleagues = self.call(
                "res.users",
                "name_search",
                [],
                {
                    "name": "",
                    "args": [["login", "=like", "kefu_load_agent_%"], ["id", "!=", self.uid]],
                    "limit": 10,
                },
                name="hand over: next shift",
            )
            if not colleagues:
                return
            now = datetime.utcnow().replace(microsecond=0)
            spec = self.views["kefu.shift.handover", "form"]
            record = self.call(
                "kefu.shift.handover",
                "web_save",
                [
                    [],
                    {
                        "shift_start": str(now - timedelta(hours=8)),
                        "shift_end": str(now),
                        "next_user_id": random.choice(colleagues)[0],
                        "note": "<p>本班次工作正常。</p>",
                    },
                ],
                {"specification": spec},
                name="hand over: save",
            )[0]
            self.call(
                "kefu.shift.handover",
                "action_load_open_tickets",
                [[record["id"]]],
                name="hand over: load open tickets",
                button=True,
            )
            record = self.call(
                "kefu.shift.handover",
                "web_read",
                [[record["id"]]],
                {"specification": spec},
                name="hand over: form",
            )[0]
            lines = record.get("line_ids") or []
            if lines:
                self.call(
                    "kefu.shift.handover",
                    "web_save",
                    [
                        [record["id"]],
                        {
                            "line_ids": [
                                [1, line["id"], {"process": "已联系客户，等待回复。"}]
                                for line in lines
                            ]
                        },
                    ],
                    {"specification": spec},
                    name="hand over: describe matters",
                )
            self.call(
                "kefu.shift.handover",
                "action_hand_over",
                [[record["id"]]],
                name="hand over: hand over",
                button=True,
            )

        self.flow("hand over", steps)

    @task(3)
    def open_archive(self):
        if not self.views_ready():
            return

        def steps():
            result = self.call(
                "kefu.archive",
                "web_search_read",
                [],
                {
                    "domain": [["agent_id", "=", self.uid]],  # filter "My Customers"
                    "specification": self.views["kefu.archive", "list"],
                    "offset": 0,
                    "limit": 80,
                    "order": "",
                    "count_limit": 10001,
                },
                name="archive list",
            )
            if result["records"]:
                self.call(
                    "kefu.archive",
                    "web_read",
                    [[random.choice(result["records"])["id"]]],
                    {"specification": self.views["kefu.archive", "form"]},
                    name="open archive",
                )

        self.flow("open archive", steps)

    @task(2)
    def do_callback(self):
        if not self.views_ready():
            return

        def steps():
            result = self.call(
                "kefu.callback",
                "web_search_read",
                [],
                {
                    # the action's default filters "My Callbacks" and "Planned"
                    "domain": [["user_id", "=", self.uid], ["state", "=", "planned"]],
                    "specification": self.views["kefu.callback", "list"],
                    "offset": 0,
                    "limit": 80,
                    "order": "",
                    "count_limit": 10001,
                },
                name="callback list",
            )
            if not result["records"]:
                return
            callback_id = random.choice(result["records"])["id"]
            spec = dict(self.views["kefu.callback", "form"])
            spec["answer_ids"] = {
                "fields": {
                    **spec.get("answer_ids", {}).get("fields", {}),
                    "answer_type": {},
                    "answer": {},
                },
                "limit": 40,
            }
            record = self.call(
                "kefu.callback",
                "web_read",
                [[callback_id]],
                {"specification": spec},
                name="open callback",
            )[0]
            self.call(
                "kefu.callback",
                "action_start",
                [[callback_id]],
                name="callback: start",
                button=True,
            )
            answers = [
                [1, line["id"], {"answer": "yes"}]
                if line["answer_type"] == "yes_no"
                else [1, line["id"], {"answer_text": "无"}]
                for line in record["answer_ids"]
            ]
            self.call(
                "kefu.callback",
                "web_save",
                [[callback_id], {"answer_ids": answers, "outcome": "客户满意，无其他问题。"}],
                {"specification": {"state": {}}},
                name="callback: answer the form",
            )
            self.call(
                "kefu.callback",
                "action_done",
                [[callback_id]],
                name="callback: done",
                button=True,
            )

        self.flow("do a callback", steps)

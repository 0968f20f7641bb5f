"""Locust load test (issue 17): simulated agents on their daily flows.

Each simulated agent logs in as one of the agent logins (``KEFU_LOAD_LOGINS``,
comma-separated, password = login; default the demo logins) and repeats:
ticket list, open a ticket, reply on it (a note), open an archive, the callback
list and open a callback. Requests go to the JSON-RPC routes the web client uses.
Run through ``bench/load/run_load.sh`` (127.0.0.1 only, bounded time).
"""

import itertools
import os
import random

from locust import HttpUser
from locust import between
from locust import task

LOGINS = itertools.cycle(
    os.environ.get("KEFU_LOAD_LOGINS", "kefu_agent,kefu_leader,kefu_manager").split(",")
)


class Agent(HttpUser):
    wait_time = between(1, 3)

    def on_start(self):
        login = next(LOGINS)
        self.rpc_call(
            "/web/session/authenticate",
            {"db": os.environ["KEFU_LOAD_DB"], "login": login, "password": login},
            name="login",
        )
        self.ticket_ids = []

    def rpc_call(self, url, params, name):
        with self.client.post(
            url,
            json={"jsonrpc": "2.0", "method": "call", "params": params},
            name=name,
            catch_response=True,
        ) as response:
            body = response.json() if response.ok else {}
            if "error" in body or not response.ok:
                response.failure(str(body.get("error", response.status_code))[:200])
                return None
            return body.get("result")

    def call_kw(self, model, method, args, kwargs=None, name=None):
        return self.rpc_call(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
            name=name or f"{model}.{method}",
        )

    @task(4)
    def ticket_list(self):
        result = self.call_kw(
            "helpdesk.ticket",
            "web_search_read",
            [],
            {
                "domain": [],
                "specification": {
                    "name": {},
                    "stage_id": {"fields": {"display_name": {}}},
                    "user_id": {"fields": {"display_name": {}}},
                    "kefu_response_deadline": {},
                },
                "limit": 80,
            },
            name="ticket list",
        )
        if result:
            self.ticket_ids = [record["id"] for record in result["records"]]

    @task(3)
    def open_ticket(self):
        if not self.ticket_ids:
            return
        ticket_id = random.choice(self.ticket_ids)
        self.call_kw(
            "helpdesk.ticket",
            "web_read",
            [[ticket_id]],
            {
                "specification": {
                    "name": {},
                    "description": {},
                    "partner_id": {"fields": {"display_name": {}}},
                    "kefu_enquiry_type_id": {"fields": {"display_name": {}}},
                    "kefu_response_deadline": {},
                    "kefu_contact_ids": {"fields": {"display_name": {}}},
                }
            },
            name="open ticket",
        )
        self.rpc_call(
            "/mail/thread/messages",
            {"thread_model": "helpdesk.ticket", "thread_id": ticket_id, "limit": 30},
            name="ticket chatter",
        )

    @task(1)
    def reply(self):
        if not self.ticket_ids:
            return
        self.call_kw(
            "helpdesk.ticket",
            "message_post",
            [[random.choice(self.ticket_ids)]],
            {"body": "Load test note", "message_type": "comment", "subtype_xmlid": "mail.mt_note"},
            name="reply (note)",
        )

    @task(2)
    def open_archive(self):
        result = self.call_kw(
            "kefu.archive",
            "web_search_read",
            [],
            {"domain": [], "specification": {"display_name": {}}, "limit": 20},
            name="archive list",
        )
        if result and result["records"]:
            self.call_kw(
                "kefu.archive",
                "web_read",
                [[random.choice(result["records"])["id"]]],
                {"specification": {"display_name": {}}},
                name="open archive",
            )

    @task(2)
    def callbacks(self):
        result = self.call_kw(
            "kefu.callback",
            "web_search_read",
            [],
            {
                "domain": [("state", "=", "planned")],
                "specification": {
                    "name": {},
                    "partner_id": {"fields": {"display_name": {}}},
                    "planned_date": {},
                },
                "limit": 40,
            },
            name="callback list",
        )
        if result and result["records"]:
            self.call_kw(
                "kefu.callback",
                "web_read",
                [[random.choice(result["records"])["id"]]],
                {"specification": {"name": {}, "answer_ids": {"fields": {"display_name": {}}}}},
                name="open callback",
            )

"""Issue 12, findings 12 (access log) and 14: every read of a classified archive's
content is logged, whatever the path, one line per user, archive and path within a
short window; the printed archive carries the reader's name and the time; the log
shows nothing above the reader's clearance (ARC-10, ARC-11)."""

import json
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from ..common import KefuRpcMixin
from .common import KefuArchiveCase

REPORT = "kefu_management.kefu_archive_report_document"


class KefuAccessLogCase(KefuArchiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Log = cls.env["kefu.archive.access.log"]
        cls.classified = cls.archives["secret"] | cls.archives["confidential"]

    def logs(self, user, archives=None):
        archives = archives or self.Archive.browse([a.id for a in self.archives.values()])
        return self.Log.search([("user_id", "=", user.id), ("archive_id", "in", archives.ids)])

    def paths(self, user, archive):
        return sorted(self.logs(user, archive).mapped("path"))


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestAccessLog(KefuAccessLogCase):
    def test_every_orm_read_path_of_content_is_logged(self):
        manager = self.manager
        confidential = self.archives["confidential"]
        Archive = self.Archive.with_user(manager)
        scope = [("id", "in", self.classified.ids)]
        confidential.with_user(manager).read(["org_structure"])
        Archive.search_read(scope, ["org_structure"])
        self.classified.with_user(manager).web_read({"org_structure": {}})
        Archive.web_search_read(scope, {"owners": {}})
        self.classified.with_user(manager).export_data(["org_structure"])
        expected = ["export", "read", "search_read", "web_read", "web_search_read"]
        self.assertEqual(self.paths(manager, confidential), expected)
        self.assertEqual(self.paths(manager, self.archives["secret"]), expected[:1] + expected[2:])
        log = self.logs(manager, confidential).filtered(lambda row: row.path == "read")
        self.assertEqual(log.secrecy_level, "confidential")
        self.assertFalse(log.borrowed)
        # Not classified, or no content read (the name, the level): nothing logged.
        self.archives["none"].with_user(manager).read(["org_structure"])
        self.assertFalse(self.logs(manager, self.archives["none"]))
        self.archives["top_secret"].with_user(self.general_manager).read(
            ["secrecy_level", "display_name"]
        )
        self.assertFalse(self.logs(self.general_manager))

    def test_one_line_per_user_archive_and_path_within_the_window(self):
        confidential = self.archives["confidential"].with_user(self.manager)
        start = datetime(2026, 3, 2, 9, 0)
        with freeze_time(start):
            for _i in range(5):
                confidential.read(["org_structure"])
            confidential.invalidate_recordset()
            with self.assertQueryCount(__system__=6):
                confidential.read(["org_structure"])
        self.assertEqual(len(self.logs(self.manager)), 1)
        with freeze_time(start + timedelta(minutes=30)):
            confidential.read(["org_structure"])
        self.assertEqual(len(self.logs(self.manager)), 2)

    def test_printed_archive_is_logged_and_watermarked(self):
        top = self.archives["top_secret"]
        with freeze_time("2026-03-02 01:30:00"):
            html = (
                self.env["ir.actions.report"]
                .with_user(self.general_manager)
                ._render_qweb_html(REPORT, top.ids)[0]
                .decode()
            )
        self.assertIn("structure top_secret", html)
        self.assertIn(self.general_manager.name, html)
        self.assertIn("2026-03-02", html)
        self.assertEqual(self.paths(self.general_manager, top), ["report"])
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.manager)._render_qweb_html(REPORT, top.ids)
        self.assertFalse(self.logs(self.manager))

    def test_borrowed_reads_are_marked(self):
        top = self.archives["top_secret"]
        self.grant_card(top)
        top.with_user(self.sales_manager).read(["org_structure"])
        self.assertTrue(self.logs(self.sales_manager, top).borrowed)

    def test_log_shows_nothing_above_the_readers_clearance(self):
        top = self.archives["top_secret"]
        top.with_user(self.general_manager).read(["org_structure"])
        self.archives["confidential"].with_user(self.general_manager).read(["org_structure"])
        rows = self.logs(self.general_manager)
        self.assertEqual(len(rows), 2)
        Log = self.Log.with_user(self.manager)
        seen = Log.search([("id", "in", rows.ids)])
        self.assertEqual(seen.archive_id, self.archives["confidential"])
        with self.assertRaises(AccessError):
            Log.browse((rows - seen).id).read(["archive_id", "secrecy_level"])
        self.assertEqual(
            self.Log.with_user(self.general_manager).search([("id", "in", rows.ids)]), rows
        )


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestAccessLogRpc(KefuRpcMixin, HttpCase, KefuAccessLogCase):
    def test_rpc_and_http_read_paths_are_logged(self):
        confidential = self.archives["confidential"]
        for method, args in (
            ("read", (confidential.ids, ["org_structure"])),
            ("search_read", ([("id", "=", confidential.id)], ["org_structure"])),
            ("web_read", (self.classified.ids, {"org_structure": {}})),
            ("web_search_read", ([("id", "in", self.classified.ids)], {"owners": {}})),
        ):
            result, error = self.rpc("t_manager", "kefu.archive", method, *args)
            self.assertFalse(error, method)
        self.authenticate("t_manager", "t_manager")
        response = self.url_open(
            "/web/export/csv",
            data={
                "data": json.dumps(
                    {
                        "model": "kefu.archive",
                        "fields": [{"name": "org_structure", "label": "Structure"}],
                        "ids": confidential.ids,
                        "domain": [],
                        "import_compat": False,
                    }
                ),
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertIn("structure confidential", response.text)
        self.assertEqual(
            self.paths(self.manager, confidential),
            ["export", "read", "search_read", "web_read", "web_search_read"],
        )
        self.authenticate("t_gm", "t_gm")
        top = self.archives["top_secret"]
        response = self.url_open(f"/report/html/{REPORT}/{top.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("structure top_secret", response.text)
        self.assertIn(self.general_manager.name, response.text)
        self.assertEqual(self.paths(self.general_manager, top), ["report"])

    def test_rpc_log_rows_above_clearance_are_hidden(self):
        top = self.archives["top_secret"]
        top.with_user(self.general_manager).read(["org_structure"])
        row = self.logs(self.general_manager, top)
        self.assertTrue(row)
        result, error = self.rpc(
            "t_manager",
            "kefu.archive.access.log",
            "search_read",
            [("id", "=", row.id)],
            ["archive_id", "secrecy_level"],
        )
        self.assertFalse(error)
        self.assertEqual(result, [])
        self.assertRpcRefused(
            "t_manager", "kefu.archive.access.log", "read", row.ids, ["archive_id"]
        )

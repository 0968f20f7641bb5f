from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import LEVELS
from .common import KefuArchiveCase

# What each role's clearance lets it read (ARC-10, ARC-11, ARC-13).
CLEARED = {
    "agent": {"none", "secret"},
    "leader": {"none", "secret"},
    "manager": {"none", "secret", "confidential"},
    "supervisor": {"none", "secret", "confidential"},
    "general_manager": set(LEVELS),
    "employee": set(),
    "sales_manager": set(),
    "salesman": set(),
}


@tagged("post_install", "-at_install", "kefu", "kefu_archive", "kefu_access")
class TestArchiveAccessMatrix(KefuArchiveCase):
    """Every role × every access path × every level, with and without a card."""

    def _visible_levels(self, user):
        """The levels ``user`` reaches through each path; all paths must agree."""
        Archive = self.Archive.with_user(user)
        ours = self.Archive.browse([a.id for a in self.archives.values()])
        by_id = {a.id: level for level, a in self.archives.items()}
        scope = [("id", "in", ours.ids)]
        paths = {}
        paths["search"] = {by_id[a.id] for a in Archive.search(scope)}
        paths["search_count"] = Archive.search_count(scope)
        groups = Archive.read_group(scope, ["secrecy_level"], ["secrecy_level"])
        paths["read_group"] = {g["secrecy_level"] for g in groups if g["secrecy_level_count"]}
        paths["name_search"] = {
            by_id[i] for i, _name in Archive.name_search("Matrix", limit=100) if i in by_id
        }
        paths["web_search_read"] = {
            by_id[r["id"]] for r in Archive.web_search_read(scope, {"org_structure": {}})["records"]
        }
        readable, exportable, web_read = set(), set(), set()
        for level, archive in self.archives.items():
            try:
                archive.with_user(user).read(["org_structure", "secrecy_level"])
                readable.add(level)
            except AccessError:
                pass
            try:
                rows = archive.with_user(user).export_data(["org_structure"])["datas"]
                if rows and rows[0][0] == f"structure {level}":
                    exportable.add(level)
            except AccessError:
                pass
            try:
                archive.with_user(user).web_read({"org_structure": {}})
                web_read.add(level)
            except AccessError:
                pass
        paths.update(read=readable, export=exportable, web_read=web_read)
        # Chatter, attachments and activities follow the document.
        messages = (
            self.env["mail.message"]
            .with_user(user)
            .search([("model", "=", "kefu.archive"), ("res_id", "in", ours.ids)])
        )
        paths["chatter"] = {by_id[m.res_id] for m in messages if "note on" in (m.body or "")}
        attachments = (
            self.env["ir.attachment"]
            .with_user(user)
            .search([("res_model", "=", "kefu.archive"), ("res_id", "in", ours.ids)])
        )
        paths["attachments"] = {by_id[a.res_id] for a in attachments}
        activities = (
            self.env["mail.activity"]
            .with_user(user)
            .search([("res_model", "=", "kefu.archive"), ("res_id", "in", ours.ids)])
        )
        paths["activities"] = {by_id[a.res_id] for a in activities}
        followers = (
            self.env["mail.followers"]
            .with_user(user)
            .search([("res_model", "=", "kefu.archive"), ("res_id", "in", ours.ids)])
        )
        paths["followers"] = {by_id[f.res_id] for f in followers}
        # The customer form shows the archive only to those who may read it.
        partner_levels = set()
        for level, archive in self.archives.items():
            partner = archive.partner_id.with_user(user)
            if partner.kefu_archive_count or partner.kefu_secrecy_level:
                partner_levels.add(level)
        paths["partner_form"] = partner_levels
        return paths

    def _assert_sees(self, user, expected, borrowed=()):
        paths = self._visible_levels(user)
        for path, seen in paths.items():
            if path == "activities":
                # The department's to-dos stay with the department: a borrower reads
                # the archive, not the activities planned on it.
                with self.subTest(user=user.login, path=path):
                    self.assertEqual(seen, expected - set(borrowed))
                continue
            with self.subTest(user=user.login, path=path):
                if path == "search_count":
                    self.assertEqual(seen, len(expected))
                else:
                    self.assertEqual(seen, expected)

    def test_each_role_sees_exactly_its_clearance_through_every_path(self):
        for role, expected in CLEARED.items():
            self._assert_sees(getattr(self, role), expected)

    def test_borrowing_card_opens_one_archive_until_its_due_time(self):
        top = self.archives["top_secret"]
        due = datetime.now().replace(microsecond=0) + timedelta(hours=5)
        card = self.grant_card(top, due=due)
        self.assertEqual(card.state, "granted")
        self._assert_sees(self.sales_manager, {"top_secret"}, borrowed={"top_secret"})
        # Read, never write.
        with self.assertRaises(AccessError):
            top.with_user(self.sales_manager).write({"org_structure": "changed"})
        # Nobody else gains anything from the card.
        self._assert_sees(self.salesman, set())
        self._assert_sees(self.agent, {"none", "secret"})
        with freeze_time(due + timedelta(seconds=1)):
            self._assert_sees(self.sales_manager, set())

    def test_returned_card_ends_access(self):
        card = self.grant_card(self.archives["confidential"])
        self._assert_sees(self.sales_manager, {"confidential"}, borrowed={"confidential"})
        card.with_user(self.sales_manager).action_return()
        self._assert_sees(self.sales_manager, set())

    def test_agents_cannot_write_above_their_clearance_or_delete(self):
        with self.assertRaises(AccessError):
            self.archives["confidential"].with_user(self.agent).write({"owners": "x"})
        self.archives["secret"].with_user(self.agent).write({"owners": "x"})
        # Classifying above one's own clearance would hide the record from oneself.
        with self.assertRaises(AccessError):
            self.archives["secret"].with_user(self.agent).write({"secrecy_level": "top_secret"})
        self.assertEqual(self.archives["secret"].secrecy_level, "secret")

    def test_a_granted_clearance_group_widens_what_a_user_sees(self):
        self.agent.groups_id = [
            (4, self.env.ref("kefu_management.group_kefu_clearance_top_secret").id)
        ]
        self._assert_sees(self.agent, set(LEVELS))

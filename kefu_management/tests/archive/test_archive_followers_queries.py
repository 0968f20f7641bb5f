from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.kefu_management.models.archive.kefu_archive_attached import KefuArchiveAttached
from odoo.addons.mail.tools.discuss import Store

from .common import KefuArchiveCase


def _no_archive(domain):
    return False


def _plain_check_access(self, operation):
    return super(KefuArchiveAttached, self)._check_access(operation)


@tagged("post_install", "-at_install", "kefu", "kefu_archive", "kefu_queries")
class TestArchiveFollowersQueries(KefuArchiveCase):
    """Issue 17 / ARC-10: guarding an archive's followers and activities costs no
    query where no archive is concerned. A partner's chatter (thread, followers,
    activities, messages) loaded by an agent with a borrowing card takes exactly
    the queries it takes with kefu's guard switched off, for the same user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "佛山顺德家具城", "is_company": True})
        cls.customer.message_subscribe(partner_ids=(cls.agent | cls.employee).partner_id.ids)
        for i in range(5):
            cls.customer.message_post(body=f"回访记录 {i}", subtype_xmlid="mail.mt_note")  # pylint: disable=translation-required
        cls.customer.activity_schedule(
            "mail.mail_activity_data_todo", user_id=cls.agent.id, summary="电话回访"
        )

    def _chatter_queries(self, user):
        env = self.env(user=user)
        thread = env["res.partner"].browse(self.customer.id)
        domain = [
            ("res_id", "=", self.customer.id),
            ("model", "=", "res.partner"),
            ("message_type", "!=", "user_notification"),
        ]
        requests = ["activities", "attachments", "followers", "suggestedRecipients"]

        def load():
            env.invalidate_all()
            Store(thread, as_thread=True, request_list=requests).get_result()
            messages = env["mail.message"]._message_fetch(domain, limit=30)["messages"]
            Store(messages, for_current_user=True).get_result()
            return messages

        load()  # warm the view, rule and ormcache caches
        before = self.cr.sql_log_count
        messages = load()
        return self.cr.sql_log_count - before, messages

    def test_partner_chatter_costs_no_query_for_the_archive_guard(self):
        self.grant_card(self.archives["secret"])  # the borrower's cards enter the rule
        for user in (self.agent, self.sales_manager):
            with self.subTest(user=user.login):
                guarded, messages = self._chatter_queries(user)
                self.assertGreaterEqual(len(messages), 5)  # the 5 notes at least
                with (
                    patch.object(
                        KefuArchiveAttached,
                        "_kefu_may_match_archives",
                        staticmethod(_no_archive),
                    ),
                    patch.object(KefuArchiveAttached, "_check_access", _plain_check_access),
                ):
                    plain, _messages = self._chatter_queries(user)
                self.assertEqual(guarded, plain)

import logging

from markupsafe import Markup

from odoo import fields
from odoo.tests import tagged

from .common import KefuHelpdeskCase

_logger = logging.getLogger(__name__)

# Issue 17: an agent's reply to the customer costs at most this many queries more
# than the same reply on a ticket whose response clock is already stopped (where
# kefu's hook has nothing to do): the reply activity's search, once per ticket.
# Measured here: first reply 49 against 47 before, 44 against 43 after; second
# reply 41 against 41 before, 40 against 40 after (the plain side fell too: the
# hook's checks read the author's user and mt_comment on every reply, and every
# ticket write read the General Manager group for an empty major-matter call).
# With the hook switched off (bench/scale_bench.py reply): +4 before, +1 after.
MAX_EXTRA_FIRST_REPLY = 1
MAX_EXTRA_SECOND_REPLY = 0


# What an agent types: data, not a text of kefu to translate.
REPLY = Markup("<p>Your order leaves the warehouse today.</p>")


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestReplyQueries(KefuHelpdeskCase):
    """SVC-2: the first reply stops the response clock; an agent's reply costs what
    Odoo's ``message_post`` costs plus a small constant."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # As in production: the replies' tracking is part of their cost.
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))

    def reply(self, ticket):
        # As the web client's /mail/message/post: the thread as the agent, posted
        # as superuser (the route's sudo), the customer as recipient.
        thread = ticket.with_user(self.agent).sudo().with_context(mail_post_autofollow=True)
        return thread.message_post(
            body=REPLY,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.customer.ids,
        )

    def reply_queries(self, ticket):
        self.env.flush_all()
        self.env.cr.precommit.run()  # the ticket's creation tracking, not the reply's
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self.reply(ticket)
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def answered_ticket(self):
        """A ticket whose response clock is already stopped: kefu's hook does nothing."""
        ticket = self.make_ticket(user=self.agent, user_id=self.agent.id)
        ticket._kefu_protected_write(
            {
                "kefu_first_reply_date": fields.Datetime.now(),
                "kefu_first_reply_user_id": self.agent.id,
            }
        )
        return ticket

    def test_reply_costs_odoo_message_post_plus_a_constant(self):
        # Warm-up: a worker's caches (rules, templates, xml ids) are filled, along
        # the same path as the measures (a new request each: empty record cache).
        for warm in (
            self.make_ticket(user=self.agent, user_id=self.agent.id),
            self.answered_ticket(),
        ):
            self.reply_queries(warm)
            self.reply_queries(warm)

        plain_ticket = self.answered_ticket()
        plain_first = self.reply_queries(plain_ticket)
        plain_second = self.reply_queries(plain_ticket)

        ticket = self.make_ticket(user=self.agent, user_id=self.agent.id)
        first = self.reply_queries(ticket)
        self.assertTrue(ticket.kefu_first_reply_date, "the first reply stops the clock")
        self.assertEqual(ticket.kefu_first_reply_user_id, self.agent)
        stopped = ticket.kefu_first_reply_date
        second = self.reply_queries(ticket)
        self.assertEqual(ticket.kefu_first_reply_date, stopped, "only the first reply counts")

        _logger.info(
            "reply queries: first %s (plain %s), second %s (plain %s)",
            first,
            plain_first,
            second,
            plain_second,
        )
        self.assertLessEqual(first, plain_first + MAX_EXTRA_FIRST_REPLY, (first, plain_first))
        self.assertLessEqual(second, plain_second + MAX_EXTRA_SECOND_REPLY, (second, plain_second))

    def test_first_reply_pins_the_first_responder_in_the_same_write(self):
        # SVC-1: a ticket from the mail gateway has no first responder until an
        # agent replies; the reply pins him with the clock's own write.
        ticket = self.make_ticket()
        ticket.sudo().write({"kefu_first_responder_id": False, "kefu_first_handled_date": False})
        self.reply(ticket)
        self.assertEqual(ticket.kefu_first_responder_id, self.agent)
        self.assertEqual(ticket.kefu_first_handled_date, ticket.kefu_first_reply_date)

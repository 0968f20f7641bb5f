from datetime import timedelta

import pytz

from odoo import SUPERUSER_ID, api, fields, models

from ..base.kefu_translate import kefu_cron_lang
from ..base.kefu_translate import kefu_person_env
from .helpdesk_ticket import KEFU_TICKET_GROUPS

ACTIVITY_TYPE = "kefu_management.mail_activity_type_kefu_response"
# Issue 17: tickets per step of the response-limit job. Agents reply to these
# tickets while the job runs: its three steps hold at most 3 x 50 of them, for a
# moment (the load test's 3 x 200 held them 5-78 s).
RESPONSE_BATCH_SIZE = 50
# Integrity (SVC-2): the reply deadline, the first reply and the breach flags are
# set only by the compute, the reply registration and the cron.
RESPONSE_PROTECTED = (
    "kefu_response_deadline",
    "kefu_first_reply_date",
    "kefu_first_reply_user_id",
    "kefu_response_warned",
    "kefu_response_breached",
)


class HelpdeskTicket(models.Model):
    """SVC-2: response limits measured to the first reply to the customer."""

    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    kefu_response_deadline = fields.Datetime(
        string="Reply Due",
        compute="_compute_kefu_response_deadline",
        store=True,
        index=True,
        copy=False,
        groups=KEFU_TICKET_GROUPS,
    )
    kefu_first_reply_date = fields.Datetime(
        string="First Reply", readonly=True, copy=False, groups=KEFU_TICKET_GROUPS
    )
    kefu_first_reply_user_id = fields.Many2one(
        "res.users",
        string="First Reply by",
        readonly=True,
        copy=False,
        groups=KEFU_TICKET_GROUPS,
    )
    kefu_response_warned = fields.Boolean(
        string="Breach Warning Sent", readonly=True, copy=False, groups=KEFU_TICKET_GROUPS
    )
    kefu_response_breached = fields.Boolean(
        string="Response Limit Breached",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        groups=KEFU_TICKET_GROUPS,
    )

    @property
    def _kefu_protected_fields(self):
        # Several classes of helpdesk.ticket add their fields: each extends the list.
        return (*super()._kefu_protected_fields, *RESPONSE_PROTECTED)

    @api.depends("kefu_enquiry_type_id", "channel_id", "kefu_contact_date", "company_id")
    def _compute_kefu_response_deadline(self):
        working_time = self.env["kefu.working.time"]
        for ticket in self:
            start = ticket.kefu_contact_date or fields.Datetime.now()
            deadlines = []
            for source in (ticket.kefu_enquiry_type_id, ticket.channel_id):
                limit = source._kefu_response_limit() if source else None
                if limit:
                    minutes, in_working_time = limit
                    deadlines.append(
                        working_time.add_duration(
                            start, minutes, working_time=in_working_time, company=ticket.company_id
                        )
                    )
            # The strictest limit wins: an email about delivery time is due in 2 h.
            ticket.kefu_response_deadline = min(deadlines) if deadlines else False

    def write(self, vals):
        result = super().write(vals)
        if {"kefu_enquiry_type_id", "channel_id", "kefu_contact_date"} & set(vals):
            # A new limit in the future lifts an earlier warning or breach flag.
            now = fields.Datetime.now()
            # Read as the system: a helpdesk user outside kefu may change the channel.
            reopened = self.sudo().filtered(
                lambda t: (
                    not t.kefu_first_reply_date
                    and (t.kefu_response_warned or t.kefu_response_breached)
                    and (not t.kefu_response_deadline or t.kefu_response_deadline > now)
                )
            )
            if reopened:
                reopened._kefu_protected_write(
                    {"kefu_response_warned": False, "kefu_response_breached": False}
                )
        return result

    def message_post(self, **kwargs):
        message = super().message_post(**kwargs)
        # SVC-2: a message by one of us that reaches the customer is a reply; a note,
        # or a message to internal followers only, never is. Issue 17: the cheap
        # tests first, from the cache (no query once the ticket has its first reply).
        if (
            len(self) == 1
            and message.message_type in ("comment", "email")
            and not self.sudo().kefu_first_reply_date
            and message.subtype_id.id
            == self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_comment")
        ):
            author_user = self._kefu_author_user(message)
            if (
                author_user
                and not author_user.share
                and message.author_id != self.partner_id
                and self._kefu_reaches_customer(message)
            ):
                self._kefu_register_reply(message.date or fields.Datetime.now(), author_user)
        return message

    def _kefu_author_user(self, message):
        """The user who wrote ``message``: the current user when it is his (an agent
        replying from the chatter: no query), else the author's first user."""
        user = self.env.user
        if message.author_id == user.partner_id:
            return user
        return message.author_id.user_ids[:1]

    def _kefu_reaches_customer(self, message):
        """SVC-2: whether ``message`` is sent to the ticket's customer: named among its
        recipients, or following the ticket for the message's subtype."""
        self.ensure_one()
        customer = self.partner_id
        if not customer:
            return False
        if customer & message.partner_ids:
            return True
        followers = self.sudo().message_follower_ids.filtered(lambda f: f.partner_id == customer)
        return bool(message.subtype_id & followers.subtype_ids)

    def _kefu_register_reply(self, when, user):
        """Stop the response clock at the first reply to the customer."""
        # Read as the system: the reply may come from a helpdesk user outside kefu.
        responder = user and user.id != SUPERUSER_ID and not user.share
        for ticket in self.filtered(lambda t: not t.sudo().kefu_first_reply_date):
            clock = ticket.sudo()
            late = bool(clock.kefu_response_deadline and when > clock.kefu_response_deadline)
            vals = {
                "kefu_first_reply_date": when,
                "kefu_first_reply_user_id": user.id,
                "kefu_response_breached": clock.kefu_response_breached or late,
            }
            if responder and not clock.kefu_first_responder_id:
                # SVC-1: the first responder pinned by the same write (issue 17).
                vals.update(kefu_first_responder_id=user.id, kefu_first_handled_date=when)
            ticket._kefu_protected_write(vals)
            # The reply activity (the warning's, the franchise call-back's or one
            # scheduled by hand) is done: one search, once per ticket.
            clock.activity_unlink([ACTIVITY_TYPE])

    # ------------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------------

    def _kefu_locked_batch(self, domain, batch_size=RESPONSE_BATCH_SIZE):
        """Tickets matching ``domain``, locked so that a second worker skips them."""
        return self.env["kefu.cron.batch"].take("helpdesk.ticket", domain, batch_size)

    def _kefu_response_responsibles(self):
        """The responsible user and their Team Leader (and the franchise specialist)."""
        self.ensure_one()
        users = self.user_id or self.kefu_first_responder_id
        users |= self.team_id.user_id
        if self.kefu_route == "franchise":
            # SVC-2: the franchise specialist calls back: warned too.
            users |= self.kefu_routed_user_id
        return users.filtered(lambda u: u.active and not u.share)

    @api.model
    @kefu_cron_lang
    def _cron_kefu_response_limits(self, batch_size=RESPONSE_BATCH_SIZE):
        """Warn before a breach, flag breaches, flag missed complaint promises.

        Each step makes its records leave its own domain, so running twice (or on
        two workers) does nothing twice.
        """
        # Issue 17: the activities' assignment mails wait in the outgoing queue for
        # the mail queue job instead of being sent by this one between its batches
        # (SMTP time out of the run that the cron worker's time limit covers).
        self = self.with_context(mail_notify_force_send=False)  # noqa: PLW0642
        now = fields.Datetime.now()
        warn = timedelta(minutes=self.env["kefu.settings"].get_value("kefu_svc_warn_minutes"))
        open_unanswered = [
            ("kefu_first_reply_date", "=", False),
            ("kefu_response_deadline", "!=", False),
            ("stage_id.closed", "=", False),
        ]
        more = False
        warn_batch, partial = self._kefu_locked_batch(
            open_unanswered
            + [("kefu_response_warned", "=", False), ("kefu_response_deadline", "<=", now + warn)],
            batch_size,
        )
        more |= partial
        warn_batch._kefu_warn_before_breach()
        breach_batch, partial = self._kefu_locked_batch(
            open_unanswered
            + [("kefu_response_breached", "=", False), ("kefu_response_deadline", "<=", now)],
            batch_size,
        )
        more |= partial
        # Issue 17: one write and the notes in bulk.
        breach_batch._kefu_protected_write({"kefu_response_breached": True})
        body = self.env._("The response limit was breached: no reply to the customer yet.")
        self.env["kefu.cron.batch"].log_notes([(ticket, body, None) for ticket in breach_batch])
        promise_batch, partial = self._kefu_locked_batch(
            self._kefu_promise_missed_domain(now), batch_size
        )
        more |= partial
        promise_batch._kefu_flag_promise_missed()
        done = len(warn_batch) + len(breach_batch) + len(promise_batch)
        self.env["ir.cron"]._notify_progress(done=done, remaining=1 if more else 0)

    def _kefu_warn_before_breach(self):
        # Issue 17: the activities of the batch in one create, one write.
        activity_type = self.env.ref(ACTIVITY_TYPE)
        values = {}
        for ticket in self:
            calendar = self.env["kefu.working.time"]._calendar(ticket.company_id)
            deadline = pytz.utc.localize(ticket.kefu_response_deadline).astimezone(
                pytz.timezone(calendar.tz or "UTC")
            )
            # SVC-2: whoever has the reply activity already (the franchise specialist)
            # gets no second one.
            reminded = ticket.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            ).user_id
            values[ticket.id] = [
                {
                    "activity_type_id": activity_type.id,
                    "date_deadline": deadline.date(),
                    "summary": kefu_person_env(self.env, user)._(
                        "Reply to the customer before %(deadline)s",
                        deadline=deadline.strftime("%Y-%m-%d %H:%M"),
                    ),
                    "user_id": user.id,
                }
                for user in ticket._kefu_response_responsibles() - reminded
            ]
        self.env["kefu.cron.batch"].schedule_activities(self, values)
        self._kefu_protected_write({"kefu_response_warned": True})

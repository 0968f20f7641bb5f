from collections import defaultdict

from markupsafe import Markup
from psycopg2 import errors as pgerrors

from odoo import api, models
from odoo.tools import format_date

from .kefu_translate import kefu_person_env

# Issue 17: a row another transaction changed after this one's snapshot (Odoo's
# transactions are REPEATABLE READ) cannot be locked even with SKIP LOCKED; a lock
# timeout neither. Such rows are left for the next run instead of losing the job.
NOT_LOCKABLE = (pgerrors.SerializationFailure, pgerrors.LockNotAvailable)
# The activities one assignee's message of a batch names; the rest are counted.
DIGEST_LINES = 20


class KefuCronBatch(models.AbstractModel):
    """Batches for the department's scheduled actions, the 18.0 way: the one
    batch helper every kefu cron goes through.

    One call of ``run`` handles one batch of the records matching ``domain``: rows
    are locked with ``FOR NO KEY UPDATE SKIP LOCKED`` so that two workers never
    handle the same record (while agents can still add lines, messages or logs
    that reference it), the callback is run, and the progress is reported to the
    cron, which runs again at once while records remain; rows it could not lock
    count as remaining. Callbacks must make the records leave ``domain`` (so that
    a second run finds nothing to do).
    ``take`` and ``lock`` are the same steps for jobs that need them apart.

    Language: ``ir.cron`` names none, so every ``_cron_*`` method is decorated
    with ``kefu_translate.kefu_cron_lang`` (texts on shared records in the
    company's language) and writes a text meant for one person (an activity, a
    reminder) through ``kefu_translate.kefu_person_env(env, user)``.
    """

    _name = "kefu.cron.batch"
    _description = "Customer Service Cron Batches"

    @api.model
    def lock(self, records, domain=None):
        """The part of ``records`` no other transaction holds, locked until commit.

        Rows held by another transaction, or changed by one since this
        transaction's snapshot, are skipped: the next run handles them. Re-checked
        against ``domain`` under the lock: another worker may have handled them
        meanwhile.
        """
        if not records:
            return records
        # NO KEY UPDATE: a handover line, a message or a contact log referencing
        # the record (their foreign key takes KEY SHARE) is not blocked by a batch.
        query = f'SELECT id FROM "{records._table}" WHERE id IN %s FOR NO KEY UPDATE SKIP LOCKED'
        cr = self.env.cr
        try:
            # The usual case: one query for the whole set.
            with cr.savepoint(flush=False):
                cr.execute(query, (tuple(records.ids),), log_exceptions=False)
                locked_ids = {row[0] for row in cr.fetchall()}
        except NOT_LOCKABLE:
            # Some row changed since the snapshot: row by row, keeping those that lock.
            locked_ids = set()
            for record_id in dict.fromkeys(records.ids):
                try:
                    with cr.savepoint(flush=False):
                        cr.execute(query, ((record_id,),), log_exceptions=False)
                        locked_ids.update(row[0] for row in cr.fetchall())
                except NOT_LOCKABLE:
                    continue
        locked = records.browse([id_ for id_ in records.ids if id_ in locked_ids])
        locked.invalidate_recordset()
        return locked.filtered_domain(domain) if domain is not None else locked

    @api.model
    def take(self, model_name, domain, batch_size=200, order="id"):
        """(batch, more): up to ``batch_size`` records matching ``domain``, locked;
        ``more`` says whether records may remain after this batch (a full batch, or
        records it could not lock)."""
        candidates = self.env[model_name].sudo().search(domain, limit=batch_size, order=order)
        batch = self.lock(candidates, domain)
        return batch, len(candidates) == batch_size or len(batch) < len(candidates)

    @api.model
    def run(self, model_name, domain, callback, batch_size=200, order="id"):
        batch, more = self.take(model_name, domain, batch_size, order)
        if batch:
            callback(batch)
        remaining = self.env[model_name].sudo().search_count(domain) if more else 0
        self.env["ir.cron"]._notify_progress(done=len(batch), remaining=remaining)
        return batch

    @api.model
    def run_steps(self, steps, batch_size=200):
        """One batch of each step ``(model_name, domain, callback)``, the progress
        reported once for all of them; returns (done, remaining)."""
        batches = self.with_context(ir_cron_progress_id=False)
        done = remaining = 0
        for model_name, domain, callback in steps:
            batch = batches.run(model_name, domain, callback, batch_size)
            done += len(batch)
            remaining += self.env[model_name].sudo().search_count(domain)
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done, remaining

    # Issue 17: a scheduled job costs at most five queries per record, so the
    # chatter notes and the activities of a batch are created in bulk.

    @api.model
    def log_notes(self, notes):
        """One chatter note per ``(record, body, partners)`` of ``notes`` through
        ``_message_log_batch``; the partners are named on the note and told in
        their Odoo inbox (a record may get several notes)."""
        groups = defaultdict(dict)  # (model, partner ids, round) -> {id: body}
        for record, body, partners in notes:
            key = (record._name, tuple(sorted(partners.ids)) if partners else ())
            turn = 0
            while record.id in groups[(*key, turn)]:
                turn += 1
            groups[(*key, turn)][record.id] = body
        messages = self.env["mail.message"].sudo()
        for (model, partner_ids, _turn), bodies in groups.items():
            records = self.env[model].browse(list(bodies))
            messages |= records._message_log_batch(bodies, partner_ids=list(partner_ids))
            records.invalidate_recordset(["message_ids"])
        author = self.env.user.partner_id
        self.env["mail.notification"].sudo().create(
            [
                {
                    "mail_message_id": message.id,
                    "res_partner_id": partner.id,
                    "notification_type": "inbox",
                    "is_read": False,
                }
                for message in messages
                for partner in message.partner_ids
                if partner != author
            ]
        )
        return messages

    @api.model
    def schedule_activities(self, records, values):
        """The activities of ``values`` ({id: mail.activity values, or a list of
        them}) in a single create, as ``activity_schedule`` makes them (automated)."""
        model_id = self.env["ir.model"]._get_id(records._name)
        Type = self.env["mail.activity.type"]
        vals_list = []
        for record in records.filtered(lambda r: r.id in values):
            record_values = values[record.id]
            if isinstance(record_values, dict):
                record_values = [record_values]
            for activity_values in record_values:
                vals = dict(
                    activity_values, res_model_id=model_id, res_id=record.id, automated=True
                )
                activity_type = Type.browse(vals.get("activity_type_id"))
                vals.setdefault("note", activity_type.default_note)
                vals["summary"] = vals.get("summary") or activity_type.summary
                vals_list.append(vals)
        # Odoo's create tells each assignee with one message per activity (about 13
        # queries each); a batch tells each assignee once for all his activities.
        activities = (
            self.env["mail.activity"]
            .with_context(mail_activity_quick_update=True)
            .create(vals_list)
        )
        self.notify_assignees(activities)
        return activities

    @api.model
    def notify_assignees(self, activities, limit=DIGEST_LINES):
        """One message per assignee naming the ``activities`` assigned to him (up
        to ``limit`` of them, then how many more), in his language, to his inbox
        or by e-mail as he chose; nobody is told of an activity he assigned
        himself. The cost is per assignee, not per activity (issue 17)."""
        by_user = defaultdict(lambda: self.env["mail.activity"])
        for activity in activities:
            if activity.user_id and activity.user_id != self.env.user:
                by_user[activity.user_id] |= activity
        inbox = []  # (partner, body, subject)
        IrModel = self.env["ir.model"].sudo()
        for user, assigned in by_user.items():
            env = kefu_person_env(self.env, user)
            lines = Markup("").join(
                Markup('<li><a href="%s">%s</a>: %s (%s)</li>')
                % (
                    f"/mail/view?model={activity.res_model}&res_id={activity.res_id}",
                    # "客户信息报告：Marc Demo 2026-11": what the record is, in his
                    # language, then its name as written.
                    env._(
                        "%(model)s: %(name)s",
                        model=IrModel._get(activity.res_model).with_env(env).name,
                        name=activity.res_name or "",
                    ),
                    activity.summary or activity.activity_type_id.with_env(env).name,
                    format_date(env, activity.date_deadline),
                )
                for activity in assigned[:limit]
            )
            body = Markup("<p>%s</p><ul>%s</ul>") % (
                env._("New activities assigned to you:"),
                lines,
            )
            if len(assigned) > limit:
                body += Markup("<p>%s</p>") % env._(
                    "and %(count)s more: see your activities.", count=len(assigned) - limit
                )
            subject = env._("%(count)s new activities assigned to you", count=len(assigned))
            if user.notification_type == "inbox":
                inbox.append((user.partner_id, body, subject))
            else:
                # By e-mail: Odoo's own notification, mail layout in his language.
                self.env["mail.thread"].sudo().with_env(env).message_notify(
                    partner_ids=user.partner_id.ids,
                    body=body,
                    subject=subject,
                    email_layout_xmlid="mail.mail_notification_light",
                )
        # In the Odoo inbox: the messages and their inbox notifications in bulk,
        # as log_notes does.
        author = self.env.user.partner_id
        messages = (
            self.env["mail.message"]
            .sudo()
            .create(
                [
                    {
                        "body": body,
                        "subject": subject,
                        "message_type": "user_notification",
                        "subtype_id": self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
                        "author_id": author.id,
                        "email_from": author.email_formatted or False,
                        "partner_ids": [(4, partner.id)],
                    }
                    for partner, body, subject in inbox
                ]
            )
        )
        self.env["mail.notification"].sudo().create(
            [
                {
                    "mail_message_id": message.id,
                    "res_partner_id": partner.id,
                    "notification_type": "inbox",
                    "is_read": False,
                }
                for message, (partner, _body, _subject) in zip(messages, inbox, strict=True)
            ]
        )

"""Scheduled actions write in the reader's language (issue 14, language at run time).

Odoo 18 runs a scheduled action with no language in its context: each test runs
the cron's method the same way (``env(context={})``) in a database whose company
and users speak zh_CN, and reads what it wrote.
"""

import base64
import io
import re
from datetime import date, datetime, timedelta

import openpyxl
from freezegun import freeze_time

from odoo.tests import tagged

from ...models.base.kefu_translate import kefu_person_env
from ...models.base.kefu_translate import kefu_shared_env
from ..archive.common import KefuArchiveCase
from ..service_desk.common import KefuHelpdeskCase

CJK = re.compile(r"[\u4e00-\u9fff]")


class CronLanguageMixin:
    """zh_CN for the company and the users; en_US active for one English reader."""

    @classmethod
    def setup_languages(cls, users):
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env.company.partner_id.lang = "zh_CN"
        users.write({"lang": "zh_CN"})

    def as_cron(self, model_name):
        """The model as ``ir.cron`` calls it: no language, no other context."""
        return self.env(context={})[model_name]

    def written(self, func):
        """Messages with a body and activities created while ``func`` runs."""
        last_message = self.env["mail.message"].search([], order="id desc", limit=1).id
        last_activity = self.env["mail.activity"].search([], order="id desc", limit=1).id
        func()
        messages = self.env["mail.message"].search([("id", ">", last_message)])
        activities = self.env["mail.activity"].search([("id", ">", last_activity)])
        return messages.filtered(lambda m: m.body), activities

    def assertChinese(self, text, english=None):
        self.assertTrue(text and CJK.search(str(text)), f"not Chinese: {text!r}")
        if english:
            self.assertNotIn(english, str(text))


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestArchiveCronLanguage(CronLanguageMixin, KefuArchiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_languages(cls.agent | cls.manager | cls.sales_manager | cls.salesman)

    def test_declassification_note_in_the_company_language(self):
        secret = self.archives["secret"]
        secret.secrecy_end = date.today() + timedelta(days=5)
        with freeze_time(date.today() + timedelta(days=6)):
            messages, _activities = self.written(
                lambda: self.as_cron("kefu.archive")._cron_declassify()
            )
        note = messages.filtered(lambda m: m.model == "kefu.archive" and m.res_id == secret.id)
        self.assertEqual(len(note), 1)
        self.assertChinese(note.body, "declassified")
        # The level's label is translated too.
        self.assertNotIn("Secret", note.body)

    def test_reverification_reminder_in_the_agent_language(self):
        archive = self.archives["none"]
        archive.agent_id = self.agent
        with freeze_time(date.today() + timedelta(days=200)):
            _messages, activities = self.written(
                lambda: self.as_cron("kefu.archive")._cron_reverify()
            )
        reminder = activities.filtered(lambda a: a.res_id == archive.id)
        self.assertEqual(reminder.user_id, self.agent)
        self.assertChinese(reminder.summary, "Re-verify")

    def test_overdue_borrowing_card_note_in_the_company_language(self):
        due = datetime.now().replace(microsecond=0) + timedelta(hours=2)
        card = self.grant_card(self.archives["top_secret"], due=due)
        with freeze_time(due + timedelta(minutes=1)):
            messages, _activities = self.written(
                lambda: self.as_cron("kefu.archive.borrow")._cron_flag_overdue()
            )
        note = messages.filtered(lambda m: m.model == card._name and m.res_id == card.id)
        self.assertEqual(len(note), 1)
        self.assertChinese(note.body, "past due")

    def test_monthly_customer_report_activity_in_each_sales_person_language(self):
        english = self.salesman.copy({"login": "t_salesman_en", "lang": "en_US"})
        with freeze_time("2027-02-01 03:00:00"):
            _messages, activities = self.written(
                lambda: self.as_cron("kefu.customer.report")._cron_open_monthly()
            )
        chinese = activities.filtered(lambda a: a.user_id == self.salesman)
        self.assertEqual(len(chinese), 1)
        self.assertChinese(chinese.summary, "Hand in")
        # Per recipient: an en_US sales person reads English.
        self.assertEqual(
            activities.filtered(lambda a: a.user_id == english).summary,
            "Hand in the monthly customer information report",
        )

    def test_install_time_first_contact_in_the_agent_language(self):
        # Demo data creates archives with no language in the context, as at install.
        partner = self.env["res.partner"].create({"name": "Install Co.", "is_company": True})
        with freeze_time("2026-11-20 03:00:00"):
            archive = self.as_cron("kefu.archive").create(
                {"partner_id": partner.id, "agent_id": self.agent.id}
            )
        self.assertTrue(archive.activity_ids)
        for activity in archive.activity_ids:
            self.assertChinese(activity.summary)
        self.assertNotIn(
            "First contact with the allocated customer", archive.activity_ids.mapped("summary")
        )

    def test_activities_written_before_the_language_are_translated_when_it_loads(self):
        # Written in English before zh_CN was loaded (a database installed in
        # English, the language added later in Settings > Languages).
        english = self.salesman.copy({"login": "t_reader_en", "lang": "en_US"})
        archive = self.archives["none"]
        summary = "First contact with the allocated customer"
        for user in (self.agent, english):
            archive.activity_schedule(
                "mail.mail_activity_data_todo", summary=summary, user_id=user.id
            )
        self.env["ir.module.module"]._load_module_terms(["kefu_management"], ["zh_CN"])
        activities = archive.activity_ids.filtered(lambda a: a.user_id in self.agent | english)
        chinese = activities.filtered(lambda a: a.user_id == self.agent)
        self.assertChinese(chinese.summary, summary)
        self.assertEqual(activities.filtered(lambda a: a.user_id == english).summary, summary)

    def test_one_environment_per_language_whatever_the_recipients(self):
        env = self.env(context={})
        chinese = kefu_person_env(env, self.agent)
        self.assertEqual(chinese.lang, "zh_CN")
        self.assertIs(kefu_person_env(env, self.manager), chinese)
        self.assertIs(kefu_shared_env(env), chinese, "the company speaks zh_CN too")
        english = self.salesman.copy({"login": "t_env_en", "lang": "en_US"})
        self.assertEqual(kefu_person_env(env, english).lang, "en_US")
        self.assertIs(kefu_person_env(env, english), kefu_person_env(env, english))
        # A context that names its language is kept for shared texts.
        self.assertEqual(kefu_shared_env(env(context={"lang": "en_US"})).lang, "en_US")

    def test_china_calendar_names_and_notice_in_each_reader_language(self):
        Wizard = self.as_cron("kefu.holiday.import")
        with freeze_time(datetime(2025, 12, 1, 2, 0)):
            Wizard._cron_kefu_load_china_next_year()
        names = (
            self.env["resource.calendar.leaves"]
            .search([("calendar_id", "=", self.calendar.id), ("date_from", ">=", "2026-01-01")])
            .mapped("name")
        )
        self.assertTrue(names)
        for name in names:
            self.assertChinese(name, "Festival")
        # A year the package does not know: one notice per CS Manager, each in theirs.
        english = self.manager.copy({"login": "t_manager_en", "lang": "en_US"})
        group = self.env.ref("kefu_management.group_kefu_manager")
        group.users = [(6, 0, (self.manager | english).ids)]
        with freeze_time(datetime(2098, 11, 2, 2, 0)):
            messages, _activities = self.written(Wizard._cron_kefu_load_china_next_year)
        chinese = messages.filtered(lambda m: self.manager.partner_id in m.partner_ids)
        self.assertChinese(chinese.subject, "are not loaded")
        notice = messages.filtered(lambda m: english.partner_id in m.partner_ids)
        self.assertEqual(notice.subject, "China's holidays of 2099 are not loaded")


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestDeskCronLanguage(CronLanguageMixin, KefuHelpdeskCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ICP = cls.env["ir.config_parameter"].sudo()
        ICP.set_param("kefu_management.cbk_team_id", cls.team.id)
        store = cls.env["res.partner"].create({"name": "Foshan Store", "email": "fs@example.com"})
        cls.customer.write({"tz": "Asia/Shanghai", "kefu_store_id": store.id})
        cls.Planner = cls.env["kefu.callback.planner"]
        cls.Source = cls.env["kefu.callback.source"]
        cls.setup_languages(cls.agent | cls.leader | cls.manager | cls.agent_b | cls.leader_b)
        cls.Report = cls.env["kefu.kpi.report"]
        # The rulebook's report days, whatever an earlier run stored.
        ICP = cls.env["ir.config_parameter"].sudo()
        for name, field in cls.env["res.config.settings"]._fields.items():
            if name.startswith("kefu_rpt_"):
                ICP.set_param(field.config_parameter, False)
        group = cls.env.ref("kefu_management.group_kefu_manager")
        group.users = [(3, user.id) for user in group.users - cls.manager]

    def frozen(self, moment):
        freezer = freeze_time(moment)
        freezer.start()
        self.addCleanup(freezer.stop)

    def test_response_limit_texts_in_company_and_person_language(self):
        self.agent.lang = "en_US"
        ticket = self.make_ticket(
            user_id=self.agent.id,
            kefu_enquiry_type_id=self.type_delivery.id,
            kefu_contact_date=self.local(2027, 1, 6, 9, 0),
        )
        with freeze_time(self.local(2027, 1, 6, 11, 1)):
            messages, activities = self.written(
                lambda: self.as_cron("helpdesk.ticket")._cron_kefu_response_limits()
            )
        breach = messages.filtered(lambda m: m.res_id == ticket.id and "breach" in m.body)
        self.assertFalse(breach, "the breach note is in Chinese")
        notes = messages.filtered(lambda m: m.model == "helpdesk.ticket" and m.res_id == ticket.id)
        # The agent is told of his activities once for the batch, in his language
        # (English), with a link to the ticket.
        to_agent = messages.filtered(
            lambda m: not m.model and self.agent.partner_id in m.partner_ids
        )
        self.assertEqual(len(to_agent), 1)
        self.assertIn("New activities assigned to you", to_agent.body)
        self.assertIn("Reply to the customer before", to_agent.body)
        self.assertIn(f"res_id={ticket.id}", to_agent.body)
        to_leader = messages.filtered(
            lambda m: not m.model and self.leader.partner_id in m.partner_ids
        )
        self.assertChinese(to_leader.body, "New activities")
        self.assertTrue(notes)
        for note in notes:
            self.assertChinese(note.body)
        mine = activities.filtered(lambda a: a.res_id == ticket.id)
        self.assertChinese(mine.filtered(lambda a: a.user_id == self.leader).summary, "Reply to")
        # The agent reads English: the reminder follows each recipient's language.
        self.assertIn(
            "Reply to the customer before", mine.filtered(lambda a: a.user_id == self.agent).summary
        )

    def test_callback_plan_writes_in_the_company_language(self):
        self.frozen(self.local(2027, 6, 7, 10, 0))
        source = self.Source.create(
            {
                "name": "Curtains",
                "partner_id": self.customer.id,
                "source_type": "delivery",
                "done_date": self.local(2027, 6, 7, 9, 0),
            }
        )
        source.action_done()
        messages, activities = self.written(
            lambda: self.as_cron("kefu.callback.planner")._cron_kefu_callback_plan()
        )
        self.assertTrue(source.callback_ids)
        # The planner logs no note per callback (issue 17); whatever it writes
        # (special and anniversary steps included) is Chinese.
        for message in messages:
            # The creation note names the model in Chinese too ("回访 创建").
            self.assertChinese(message.body, "Callback")
        for activity in activities:
            self.assertChinese(activity.summary)

    def test_callback_feedback_reminder_in_the_agent_language(self):
        self.frozen(self.local(2027, 6, 11, 16, 5))
        end = self.local(2027, 6, 11, 16, 0)
        callback = (
            self.env["kefu.callback"]
            .with_user(self.agent)
            .create(
                {
                    "partner_id": self.customer.id,
                    "planned_date": self.customer._kefu_next_call_slot(end),
                    "date_start": end,
                    "date_end": end,
                    "user_id": self.agent.id,
                    "team_id": self.team.id,
                }
            )
        )
        for line in callback.answer_ids:
            if line.answer_type == "yes_no":
                line.answer = "yes"
            else:
                line.answer_text = "Very good service."
        callback.outcome = "The curtains are fine."
        callback.action_done()
        self.frozen(self.local(2027, 6, 15, 16, 30))
        _messages, activities = self.written(
            lambda: self.as_cron("kefu.callback.planner")._cron_kefu_callback_follow_up()
        )
        reminder = activities.filtered(lambda a: a.res_id == callback.id)
        self.assertEqual(reminder.user_id, self.agent)
        self.assertChinese(reminder.summary, "Send the callback")

    def test_monthly_reports_titles_and_activity_in_chinese(self):
        with freeze_time("2031-04-21 02:00:00"):  # Monday, one working day before the 22nd
            _messages, activities = self.written(
                lambda: self.as_cron("kefu.kpi.report")._cron_kefu_monthly_reports()
            )
        reports = self.Report.search(
            [("company_id", "=", self.env.company.id), ("date_from", "=", date(2031, 3, 1))]
        )
        # RPT-2's quality report, and March's supervision report (RPT-4, due at
        # month end) caught up for the General Manager.
        self.assertEqual(sorted(reports.mapped("kind")), ["quality", "supervision"])
        for report in reports:
            self.assertChinese(report.name, "Monthly")
            self.assertChinese(report.attachment_id.name, "Monthly")
        quality = reports.filtered(lambda r: r.kind == "quality")
        todo = activities.filtered(
            lambda a: a.res_model == "kefu.kpi.report" and a.res_id == quality.id
        )
        self.assertEqual(todo.user_id, self.manager)
        self.assertChinese(todo.summary, "Review and send")

    def test_weekly_summary_title_and_sheet_in_chinese(self):
        with freeze_time("2031-03-14 02:00:00"):  # Friday
            messages, _activities = self.written(
                lambda: self.as_cron("kefu.kpi.report")._cron_kefu_weekly_summary()
            )
        weekly = self.Report.search(
            [
                ("company_id", "=", self.env.company.id),
                ("kind", "=", "weekly"),
                ("date_from", "=", date(2031, 3, 10)),
            ]
        )
        self.assertChinese(weekly.name, "Weekly")
        self.assertChinese(weekly.attachment_id.name, "Weekly")
        sent = messages.filtered(lambda m: m.res_id == weekly.id and m.attachment_ids)
        self.assertEqual(len(sent), 1)
        self.assertChinese(sent.body)
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(weekly.attachment_id.datas)))
        sheet = book["weekly"]
        self.assertChinese(sheet["A1"].value, "Weekly")
        labels = [sheet.cell(r, 1).value for r in range(5, sheet.max_row + 1)]
        self.assertNotIn("Contacts", labels)
        for label in filter(None, labels):
            self.assertChinese(label)

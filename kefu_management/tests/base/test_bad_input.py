"""Issue 13 item 6: bad input is refused by our own check, in the user's language
(zh_CN here, also over JSON-RPC without a context), and nothing is written."""

import math
from datetime import date, datetime, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from ..common import KefuCase
from ..common import KefuRpcMixin

# (values sent to the settings form, part of the zh_CN refusal)
BAD_SETTINGS = [
    ({"kefu_arc_reverify_days": "abc"}, "必须是整数"),
    ({"kefu_arc_reverify_days": 10**12}, "超出允许范围"),
    ({"kefu_arc_reverify_days": math.inf}, "必须是整数"),
    ({"kefu_arc_reverify_days": 10**9}, "必须在 1 到 730 之间"),
    ({"kefu_arc_first_contact_days": 100000}, "必须在 1 到 60 之间"),
    ({"kefu_arc_reverify_days": 3.7}, "必须是整数"),
    ({"kefu_cbk_call_from": 25.0}, "必须在 0 到 24 之间"),
    ({"kefu_cbk_call_from": 21.0, "kefu_cbk_call_to": 9.0}, "必须小于"),
    ({"kefu_cbk_min_minutes": 10, "kefu_cbk_max_minutes": 5}, "不能大于"),
    ({"kefu_cbk_coverage_target": 500}, "必须在 1 到 100 之间"),
    ({"kefu_cbk_rest_from": math.nan}, "必须是有限的数字"),
]
BAD_DATES = ["2026-02-30", "31/12/2027"]
BAD_DATETIMES = ["2026-02-30 10:00:00", "31/12/2027"]

# ORM callers carry the language in their context; RPC without one is tested below.
ZH = {"lang": "zh_CN"}


class BadInputFixtures:
    @classmethod
    def setup_bad_input(cls, env):
        cls.admin_zh = new_test_user(
            env,
            "bi_admin_zh",
            groups="base.group_system,kefu_management.group_kefu_info_supervisor",
            lang="zh_CN",
        )
        cls.borrower_zh = new_test_user(
            env,
            "bi_borrower_zh",
            groups="sales_team.group_sale_manager,kefu_management.group_kefu_archive_borrower",
            lang="zh_CN",
        )
        cls.approver = new_test_user(
            env, "bi_approver", groups="kefu_management.group_kefu_general_manager"
        )
        partner = env["res.partner"].create({"name": "坏输入有限公司", "is_company": True})
        cls.archive = env["kefu.archive"].create(
            {
                "partner_id": partner.id,
                "secrecy_level": "secret",
                "classified_on": date.today() - timedelta(days=10),
                "secrecy_end": date.today() + timedelta(days=365),
            }
        )
        cls.calendar_id = env.company.resource_calendar_id.id

    def kefu_params(self):
        return dict(
            self.env["ir.config_parameter"]
            .sudo()
            .search([("key", "=like", "kefu_%")])
            .mapped(lambda p: (p.key, p.value))
        )

    def card_vals(self, **vals):
        return dict(
            {
                "partner_id": self.archive.partner_id.id,
                "approver_id": self.approver.id,
                "purpose": "谈判",
                "date_due": (datetime.now() + timedelta(days=2)).strftime("%Y-%m-%d %H:%M:%S"),
            },
            **vals,
        )

    def holiday_vals(self, **vals):
        return dict(
            {
                "name": "永远放假",
                "calendar_id": self.calendar_id,
                "date_from": "2027-01-01 00:00:00",
                "date_to": "9999-12-31 23:59:59",
                "time_type": "leave",
            },
            **vals,
        )


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestBadInput(BadInputFixtures, KefuCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_bad_input(cls.env)

    def assertRefused(self, model, method, *args, message):
        """``method`` refuses with the zh_CN ``message``."""
        with self.assertRaises(ValidationError) as caught:
            getattr(model, method)(*args)
        self.assertIn(message, str(caught.exception))

    def test_bad_settings_are_refused_in_chinese_and_nothing_saved(self):
        settings = self.env(user=self.admin_zh, context=ZH)["res.config.settings"]
        before = self.kefu_params()
        for vals, message in BAD_SETTINGS:
            with self.subTest(vals=vals):
                self.assertRefused(settings, "create", vals, message=message)
        self.assertEqual(self.kefu_params(), before)

    def test_good_settings_still_save(self):
        settings = self.env(user=self.admin_zh, context=ZH)["res.config.settings"]
        settings.create(
            {"kefu_cbk_call_from": 1.0, "kefu_cbk_call_to": 24.0, "kefu_arc_reverify_days": 3.0}
        ).execute()
        get = self.env["kefu.settings"].get_value
        self.assertEqual((get("kefu_cbk_call_from"), get("kefu_cbk_call_to")), (1.0, 24.0))
        self.assertEqual(get("kefu_arc_reverify_days"), 3)

    def test_call_window_may_start_at_midnight(self):
        # Odoo stores a 0 setting as unset (read back as the default 9:00); a window
        # from 00:00 is a legitimate company choice (CBK-3).
        settings = self.env(user=self.admin_zh, context=ZH)["res.config.settings"]
        settings.create({"kefu_cbk_call_from": 0.0, "kefu_cbk_call_to": 6.0}).execute()
        get = self.env["kefu.settings"].get_value
        self.assertEqual((get("kefu_cbk_call_from"), get("kefu_cbk_call_to")), (0.0, 6.0))
        self.assertEqual(self.env["res.config.settings"].create({}).kefu_cbk_call_from, 0.0)

    def test_bad_stored_parameter_falls_back_to_the_default(self):
        ICP = self.env["ir.config_parameter"].sudo()
        get = self.env["kefu.settings"].get_value
        for name, raw, default in (
            ("kefu_arc_reverify_days", "abc", 90),
            ("kefu_arc_reverify_days", "1000000000", 90),
            ("kefu_arc_reverify_days", "3.7", 90),
            ("kefu_arc_first_contact_days", "100000", 5),
            ("kefu_cbk_call_from", "25", 9.0),
            ("kefu_cbk_call_from", "nan", 9.0),
            ("kefu_svc_email_basis", "sometimes", "clock"),
        ):
            with self.subTest(name=name, raw=raw):
                ICP.set_param(self.env["res.config.settings"]._fields[name].config_parameter, raw)
                with self.assertLogs("odoo.addons.kefu_management.models.base.kefu_settings"):
                    self.assertEqual(get(name), default)
        ICP.set_param("kefu_management.arc_reverify_days", "120")
        self.assertEqual(get("kefu_arc_reverify_days"), 120)

    def test_bad_dates_are_refused_in_chinese(self):
        archive = self.archive.with_env(self.env(user=self.admin_zh, context=ZH))
        for bad in BAD_DATES:
            with self.subTest(bad=bad):
                self.assertRefused(
                    archive, "write", {"founded_on": bad}, message=f"“{bad}”不是有效日期"
                )
        self.assertFalse(self.archive.founded_on)
        cards = self.env(user=self.borrower_zh, context=ZH)["kefu.archive.borrow"]
        for bad in BAD_DATETIMES:
            with self.subTest(bad=bad):
                self.assertRefused(
                    cards, "create", self.card_vals(date_due=bad), message="不是有效的日期时间"
                )
        self.assertFalse(cards.sudo().search([("partner_id", "=", self.archive.partner_id.id)]))

    def test_blank_required_text_and_nul_bytes_are_refused(self):
        cards = self.env(user=self.borrower_zh, context=ZH)["kefu.archive.borrow"]
        for purpose, message in (
            ("", "为必填项，不能为空"),
            ("   \n", "为必填项，不能为空"),
            ("谈判\x00", "NUL"),
        ):
            with self.subTest(purpose=purpose):
                self.assertRefused(
                    cards, "create", self.card_vals(purpose=purpose), message=message
                )
        self.assertFalse(cards.sudo().search([("partner_id", "=", self.archive.partner_id.id)]))

    def test_holiday_longer_than_a_year_is_refused(self):
        leaves = self.env(user=self.admin_zh, context=ZH)["resource.calendar.leaves"]
        self.assertRefused(leaves, "create", self.holiday_vals(), message="不能超过 366 天")
        self.assertFalse(leaves.search([("name", "=", "永远放假")]))
        # A real holiday, and an employee's own long leave, are the host's business.
        leaves.create(self.holiday_vals(date_to="2027-01-07 23:59:59"))


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestBadInputRpc(BadInputFixtures, KefuRpcMixin, HttpCase):
    """The same over JSON-RPC without a context: kefu's messages in the user's
    language, as Odoo's own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_bad_input(cls.env)

    def assertRpcRefusedZh(self, login, model, method, *args, message):
        error = self.assertRpcRefused(login, model, method, *args, message=message)
        self.assertNotIn("Traceback", error["data"]["message"])
        return error

    def test_bad_settings_over_rpc(self):
        before = self.kefu_params()
        for vals, message in BAD_SETTINGS:
            with self.subTest(vals=vals):
                self.assertRpcRefusedZh(
                    "bi_admin_zh", "res.config.settings", "create", vals, message=message
                )
        self.assertEqual(self.kefu_params(), before)

    def test_bad_dates_text_and_holidays_over_rpc(self):
        for bad in BAD_DATES:
            self.assertRpcRefusedZh(
                "bi_admin_zh",
                "kefu.archive",
                "write",
                self.archive.ids,
                {"founded_on": bad},
                message=f"“{bad}”不是有效日期",
            )
        for vals, message in (
            ({"date_due": "2026-02-30 10:00:00"}, "不是有效的日期时间"),
            ({"purpose": ""}, "为必填项，不能为空"),
            ({"purpose": "谈判\x00"}, "NUL"),
        ):
            with self.subTest(vals=vals):
                self.assertRpcRefusedZh(
                    "bi_borrower_zh",
                    "kefu.archive.borrow",
                    "create",
                    self.card_vals(**vals),
                    message=message,
                )
        self.assertRpcRefusedZh(
            "bi_admin_zh",
            "resource.calendar.leaves",
            "create",
            self.holiday_vals(),
            message="不能超过 366 天",
        )
        self.archive.invalidate_recordset()
        self.assertFalse(self.archive.founded_on)
        self.assertFalse(
            self.env["kefu.archive.borrow"].search(
                [("partner_id", "=", self.archive.partner_id.id)]
            )
        )
        self.assertFalse(self.env["resource.calendar.leaves"].search([("name", "=", "永远放假")]))

    def test_kefu_messages_follow_the_users_language_without_context(self):
        # A kefu refusal that existed before this issue: now in Chinese too.
        self.assertRpcRefusedZh(
            "bi_admin_zh",
            "res.config.settings",
            "create",
            {"kefu_arc_reverify_days": 0},
            message="必须在 1 到 730 之间",
        )

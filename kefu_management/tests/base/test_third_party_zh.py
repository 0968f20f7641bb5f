"""zh_CN for the third-party terms kefu's screens show (issue 14).

OCA ``helpdesk_mgmt`` ships no zh_CN and the zh_CN of ``base_tier_validation``,
``account_financial_risk`` and ``sale_financial_risk`` (the partner form's credit
tab) is incomplete: kefu carries the missing entries in ``kefu_management/i18n_extra/zh_CN.po``
under the original modules' xml ids, which Odoo's loader applies when kefu is
installed or updated and when zh_CN is loaded.
"""

import os
import re

import polib
from lxml import etree

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools.translate import code_translations

LANG = "zh_CN"
# Terms of the modules' .pot that kefu does not translate, with the reason.
COVERAGE_ALLOWLIST = {
    "helpdesk_mgmt": {},
    "base_tier_validation": {},
    "account_financial_risk": {},
    "sale_financial_risk": {},
}
PLACEHOLDER = re.compile(
    r"%\(\w+\)[sd]|%[sd]|\{\{.*?\}\}|\$\{.*?\}|\bt-[\w-]+=\"[^\"]*\"|</?\w+|/>"
)
LATIN_ONLY = re.compile(r"^[A-Za-z][A-Za-z .,'!?:/()&-]*$")


def extra_po():
    """kefu's entries for third-party terms: kefu_management's file, plus those of
    kefu_credit and kefu_contract for records that exist only once they are installed
    (an entry is applied only to records present when its file is loaded)."""
    path = os.path.join(get_module_path("kefu_management"), "i18n_extra", f"{LANG}.po")
    assert os.path.exists(path), f"{path} is missing"
    po = polib.pofile(path)
    for addon in ("kefu_credit", "kefu_contract"):
        other = os.path.join(get_module_path(addon) or "", "i18n_extra", f"{LANG}.po")
        if os.path.exists(other):
            po.extend(polib.pofile(other))
    return po


def term_types(entry):
    return {occurrence.split(":", 1)[0] for occurrence, _line in entry.occurrences}


def pot_terms(module):
    """msgid -> entry of the module's .pot, model and model_terms terms only."""
    pot = polib.pofile(os.path.join(get_module_path(module), "i18n", f"{module}.pot"))
    return {e.msgid: e for e in pot if term_types(e) & {"model", "model_terms"}}


def own_po_terms(module):
    """msgid -> msgstr of the module's own zh_CN.po (empty if it ships none)."""
    path = os.path.join(get_module_path(module), "i18n", f"{LANG}.po")
    if not os.path.exists(path):
        return {}
    return {
        e.msgid: e.msgstr
        for e in polib.pofile(path)
        if e.msgstr and not e.obsolete and "fuzzy" not in e.flags
    }


def entry_module(entry):
    match = re.search(r"module[s]?: (\w+)", entry.comment or "")
    return match and match.group(1)


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestThirdPartyZh(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The test database has zh_CN loaded (scripts/test_quick.sh loads it).
        assert cls.env["res.lang"]._lang_get(LANG), "zh_CN is not installed"
        cls.user = new_test_user(
            cls.env,
            "t_zh_manager",
            groups="kefu_management.group_kefu_manager,helpdesk_mgmt.group_helpdesk_manager,"
            "kefu_management.group_kefu_general_manager",
            lang=LANG,
            tz="Asia/Shanghai",
        )
        cls.zh = cls.env(user=cls.user, context=dict(cls.env.context, lang=LANG))

    # -- screens ---------------------------------------------------------------

    def _arch_labels(self, arch):
        """Visible texts of an arch: string/placeholder/help attributes and text nodes."""
        doc = etree.fromstring(arch.encode() if isinstance(arch, str) else arch)
        labels = []
        for node in doc.iter():
            if not isinstance(node.tag, str):
                continue
            for attr in ("string", "placeholder", "title", "confirm"):
                if node.get(attr):
                    labels.append(node.get(attr))
            for text in (node.text, node.tail):
                if text and text.strip():
                    labels.append(text.strip())
        return labels

    def test_ticket_and_team_screens_show_chinese_labels(self):
        View = self.env["ir.ui.view"]
        views = {
            "form": self.env.ref("helpdesk_mgmt.ticket_view_form").id,
            "list": self.env.ref("helpdesk_mgmt.ticket_view_tree").id,
            "search": self.env.ref("helpdesk_mgmt.helpdesk_ticket_view_search").id,
        }
        result = self.zh["helpdesk.ticket"].get_views([(vid, kind) for kind, vid in views.items()])
        fields = self.zh["helpdesk.ticket"].fields_get(attributes=["string", "selection"])
        expected = {
            "team_id": "团队",
            "user_id": "指派给",
            "priority": "优先级",
            "partner_id": "联系人",
            "partner_name": "客户名称",
            "partner_email": "电子邮件",
            "category_id": "类别",
            "tag_ids": "标签",
            "description": "描述",
            "notes": "内部备注",
            "stage_id": "阶段",
            "channel_id": "渠道",
            "name": "标题",
            "number": "工单编号",
        }
        for name, label in expected.items():
            self.assertEqual(fields[name]["string"], label, name)
        self.assertEqual(
            dict(fields["priority"]["selection"]),
            {"0": "低", "1": "中", "2": "高", "3": "非常高"},
        )
        form = self._arch_labels(result["views"]["form"]["arch"])
        self.assertIn("其他信息", form)
        self.assertIn("描述", form)
        self.assertNotIn("Other Information", form)
        search = self._arch_labels(result["views"]["search"]["arch"])
        self.assertIn("我的工单", search)
        self.assertIn("未指派", search)
        for english in ("My Tickets", "Unassigned", "Assign to me"):
            self.assertNotIn(english, search)
        # No label of helpdesk_mgmt's own views is left in English.
        leftovers = {}
        for kind, vid in views.items():
            own = View.browse(vid).with_context(lang=LANG).arch_db
            latin = [label for label in self._arch_labels(own) if LATIN_ONLY.match(label)]
            if latin:
                leftovers[kind] = latin
        team_form = self.env.ref("helpdesk_mgmt.view_helpdesk_team_form")
        latin = [
            label
            for label in self._arch_labels(team_form.with_context(lang=LANG).arch_db)
            if LATIN_ONLY.match(label)
        ]
        if latin:
            leftovers["team form"] = latin
        self.assertFalse(leftovers, "English left in helpdesk_mgmt's views")
        team = self.zh["helpdesk.ticket.team"].get_views([(team_form.id, "form")])
        self.assertIn("团队成员", self._arch_labels(team["views"]["form"]["arch"]))
        team_fields = self.zh["helpdesk.ticket.team"].fields_get(attributes=["string"])
        self.assertEqual(team_fields["user_ids"]["string"], "成员")
        self.assertEqual(team_fields["user_id"]["string"], "组长")

    def test_stages_channels_menus_read_in_chinese(self):
        stages = {
            "helpdesk_mgmt.helpdesk_ticket_stage_new": "新建",
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress": "处理中",
            "helpdesk_mgmt.helpdesk_ticket_stage_awaiting": "等待中",
            "helpdesk_mgmt.helpdesk_ticket_stage_done": "已完成",
            "helpdesk_mgmt.helpdesk_ticket_stage_cancelled": "已取消",
            "helpdesk_mgmt.helpdesk_ticket_stage_rejected": "已拒绝",
            "helpdesk_mgmt.helpdesk_ticket_channel_web": "网页",
            "helpdesk_mgmt.helpdesk_ticket_channel_email": "电子邮件",
            "helpdesk_mgmt.helpdesk_ticket_channel_phone": "电话",
            "helpdesk_mgmt.helpdesk_ticket_channel_other": "其他",
            "helpdesk_mgmt.helpdesk_ticket_main_menu": "服务台",
            "helpdesk_mgmt.helpdesk_ticket_menu": "工单",
        }
        for xmlid, name in stages.items():
            record = self.env.ref(xmlid)
            self.assertEqual(record.with_context(lang=LANG).name, name, xmlid)

    def test_ticket_closed_mail_is_chinese_for_a_chinese_customer(self):
        customer = self.env["res.partner"].create(
            {"name": "王芳", "email": "wang.fang@example.com", "lang": LANG}
        )
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "发票抬头有误",
                "description": "<p>客户来电。</p>",
                "partner_id": customer.id,
                "partner_name": customer.name,
                "partner_email": customer.email,
                "channel_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone").id,
            }
        )
        template = self.env.ref("helpdesk_mgmt.closed_ticket_template")
        # The agent works in English: the mail follows the customer's language.
        template = template.with_context(lang="en_US")
        subject = template._render_field("subject", ticket.ids, compute_lang=True)[ticket.id]
        body = str(template._render_field("body_html", ticket.ids, compute_lang=True)[ticket.id])
        self.assertEqual(subject, f"工单 {ticket.number} 已关闭。")
        self.assertIn("您好，王芳：", body)
        self.assertIn(f"工单 {ticket.display_name} 已关闭。", body)
        self.assertNotIn("has been closed", body)
        assigned = self.env.ref("helpdesk_mgmt.assignment_email_template").with_context(lang=LANG)
        self.assertIn("工单指派通知", assigned.subject)

    def test_approval_screens_are_chinese(self):
        model = "kefu.archive.destruction"
        if model not in self.env:
            self.skipTest("no kefu approval model")
        arch = self.zh[model].get_views([(False, "form")])["views"]["form"]["arch"]
        doc = etree.fromstring(arch)
        text = "".join(doc.itertext())
        buttons = {b.get("name"): b.get("string") for b in doc.iter("button")}
        self.assertEqual(buttons.get("validate_tier"), "批准")
        self.assertEqual(buttons.get("reject_tier"), "驳回")
        self.assertEqual(buttons.get("request_validation"), "发起审批")
        self.assertEqual(buttons.get("restart_validation"), "重新审批")
        self.assertIn("此记录需要审批。", text)
        self.assertIn("操作已批准！", text)
        self.assertIn("操作已被驳回。", text)
        self.assertNotIn("needs to be", text)
        fields = self.zh[model].fields_get(attributes=["string", "selection"])
        self.assertEqual(fields["review_ids"]["string"], "审批")
        self.assertEqual(
            dict(fields["validation_status"]["selection"]),
            {
                "no": "无需审批",
                "waiting": "等待中",
                "pending": "待审批",
                "rejected": "已驳回",
                "validated": "已批准",
            },
        )
        review = self.zh["tier.review"].fields_get(attributes=["string", "selection"])
        self.assertEqual(review["todo_by"]["string"], "待审批人")
        self.assertEqual(review["display_status"]["string"], "显示状态")
        status = dict(review["status"]["selection"])
        expected = {
            "waiting": "等待中",
            "pending": "待审批",
            "rejected": "已驳回",
            "approved": "已批准",
        }
        self.assertEqual({key: status.get(key) for key in expected}, expected)
        self.assertFalse([label for label in status.values() if LATIN_ONLY.match(label)])
        # The review widget (JS) labels: the web client merges every module's terms.
        web = {
            m["id"]: m["string"]
            for m in code_translations.get_web_translations("kefu_management", LANG)["messages"]
        }
        self.assertEqual(web.get("Todo by"), "待审批人")

    # -- loader ----------------------------------------------------------------

    def test_language_load_applies_terms_and_keeps_user_edits(self):
        new = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        web = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        form = self.env.ref("helpdesk_mgmt.ticket_view_form")
        # Forget the zh_CN values as if the language had never been loaded...
        for record in (new, web):
            self.env.cr.execute(
                f'UPDATE "{record._table}" SET name = name - %s WHERE id = %s', [LANG, record.id]
            )
        self.env.cr.execute(
            "UPDATE ir_ui_view SET arch_db = arch_db - %s WHERE id = %s", [LANG, form.id]
        )
        self.env.invalidate_all()
        self.assertEqual(new.with_context(lang=LANG).name, "New")
        # ...and let a user rename one channel in Chinese.
        web.with_context(lang=LANG).name = "官网在线"
        # Loading zh_CN (Settings > Languages, --load-language) or updating kefu.
        modules = self.env["ir.module.module"].search(
            [("name", "in", ("helpdesk_mgmt", "base_tier_validation", "kefu_management"))]
        )
        modules._update_translations([LANG])
        self.assertEqual(new.with_context(lang=LANG).name, "新建")
        self.assertEqual(web.with_context(lang=LANG).name, "官网在线", "a user's edit is kept")
        self.assertIn("其他信息", self._arch_labels(form.with_context(lang=LANG).arch_db))

    # -- the po files ----------------------------------------------------------

    def test_every_third_party_model_term_is_translated(self):
        po = extra_po()
        entries = [e for e in po if not e.obsolete]
        extra = {}
        for entry in entries:
            module = entry_module(entry)
            self.assertIn(module, COVERAGE_ALLOWLIST, f"{entry.msgid!r}: unexpected module")
            self.assertTrue(entry.msgstr.strip(), f"{module}: {entry.msgid!r} has no msgstr")
            self.assertNotIn("fuzzy", entry.flags, entry.msgid)
            self.assertEqual(
                sorted(PLACEHOLDER.findall(entry.msgid)),
                sorted(PLACEHOLDER.findall(entry.msgstr)),
                f"placeholders or markup differ in {entry.msgid!r}",
            )
            self.assertTrue(
                term_types(entry) <= {"model", "model_terms", "code"}, entry.occurrences
            )
            extra.setdefault(module, {})[entry.msgid] = entry.msgstr
        # helpdesk_mgmt: nothing upstream, everything here.
        # The others: their own zh_CN.po plus the gaps here.
        for module, allow in COVERAGE_ALLOWLIST.items():
            upstream = own_po_terms(module)
            terms = pot_terms(module)
            covered = [m for m in terms if upstream.get(m) or extra.get(module, {}).get(m)]
            missing = sorted(set(terms) - set(covered) - set(allow))
            coverage = len(covered) / len(terms)
            self.assertFalse(
                missing,
                f"{module}: {len(covered)}/{len(terms)} model terms in zh_CN ({coverage:.0%}); "
                f"missing e.g. {missing[:5]}",
            )
            # Each helpdesk_mgmt entry carries its .pot occurrences, so the loader
            # finds the records by xml id.
            for msgid, msgstr in extra.get(module, {}).items():
                if msgid in terms:
                    self.assertTrue(msgstr)
        # Each entry carries its .pot occurrences (minus code ones), so the loader
        # finds the records by xml id; the extra occurrences name records that exist
        # (selection values of tier.validation on kefu's models, sms fields).
        installed = set(
            self.env["ir.module.module"].search([("state", "=", "installed")]).mapped("name")
        )
        for module in COVERAGE_ALLOWLIST:
            terms = pot_terms(module)
            for entry in (e for e in entries if entry_module(e) == module):
                mine = {o for o, _ in entry.occurrences}
                pot_entry = terms.get(entry.msgid)
                in_pot = {o for o, _ in pot_entry.occurrences} if pot_entry else set()
                if module != "base_tier_validation":
                    wanted = {o for o in in_pot if not o.startswith("code:")}
                    self.assertLessEqual(wanted, mine, entry.msgid)
                # Occurrences of the .pot may name records of optional modules.
                for occurrence in mine - in_pot:
                    if occurrence.startswith("code:"):
                        self.assertIn("odoo-javascript", entry.comment, entry.msgid)
                        continue
                    xmlid = occurrence.rsplit(":", 1)[1]
                    if any(
                        f"__{addon}" in xmlid and addon not in installed
                        for addon in ("kefu_contract", "kefu_credit")
                    ):
                        continue
                    self.assertTrue(
                        self.env.ref(xmlid, raise_if_not_found=False),
                        f"{entry.msgid!r}: no record {xmlid}",
                    )

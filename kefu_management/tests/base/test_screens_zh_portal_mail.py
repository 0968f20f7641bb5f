"""Issue 14: read the customer portal, the mails and the activities like a zh_CN user.

``test_screens_zh`` reads the back-office screens; this reads what else a Chinese
reader meets: the portal pages kefu and helpdesk show a customer (``/my``,
``/my/tickets``, a ticket), the messages and activities each kefu scheduled action
writes when run once as Odoo runs it (no language in the context), and the mail
templates kefu sends, rendered for a zh_CN customer. A text made only of Latin
letters that is not on ``test_screens_zh``'s allowlist (or the few portal entries
below, one reason each) is English a Chinese reader meets.
"""

import re

import lxml.html

from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

from .test_screens_zh import english

KEFU_ADDONS = ("kefu_management", "kefu_credit", "kefu_contract")
# Latin-only texts of the portal layout, each with its reason.
ZH_PORTAL_ALLOWLIST = {
    "odoo": "title of the Odoo logo link in the portal's 'Powered by' footer (product name)",
    "Odoo": "product name in the portal's 'Powered by Odoo' footer",
    "Copyright ©": "web.frontend_layout footer: Odoo's own zh_CN keeps it in English",
}
# Portal texts still open (English a zh_CN reader meets), each with its reason. None:
# helpdesk_mgmt's search bar labels (code terms of its controllers/myaccount.py) are
# re-labelled by kefu (controllers/helpdesk_portal.py, issue 14).
ZH_PORTAL_OPEN = {}
# A reference such as a ticket number (HT00014) or an order code is a code.
CODE = re.compile(r"^[A-Z]{1,5}[-/]?\d[\w/-]*$")
# Nodes whose text the reader does not see as such.
SKIP_TAGS = {"script", "style", "noscript", "template", "head", "svg"}
TEXT_ATTRS = ("placeholder", "title", "alt", "aria-label")


def html_english(html, names=frozenset()):
    """The texts of ``html`` a reader sees that are only Latin words, other than
    ``names`` (of people and companies) and codes."""
    if not html or not str(html).strip():
        return set()
    root = lxml.html.fromstring(str(html))
    found = set()
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag in SKIP_TAGS or any(a.tag in SKIP_TAGS for a in node.iterancestors()):
            continue
        for attr in TEXT_ATTRS:
            found.add(english(node.get(attr)))
        if node.tag == "input" and node.get("type") in ("submit", "button"):
            found.add(english(node.get("value")))
        found.add(english(node.text))
        found.add(english(node.tail))
    found.discard(None)
    return {
        text
        for text in found
        if text not in ZH_PORTAL_ALLOWLIST and text not in names and not CODE.match(text)
    }


def read(html, title, names):
    """English texts of a mail or activity: its HTML body and its plain title."""
    return html_english(html, names) | ({english(title)} - {None, *names})


class ZhReaderMixin:
    @classmethod
    def speak_chinese(cls):
        """zh_CN for the company, every user and every customer."""
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["res.partner"].with_context(active_test=False).search([]).write(
            {"lang": "zh_CN", "tz": "Asia/Shanghai"}
        )
        cls.env["res.users"].with_context(active_test=False).search([]).write({"lang": "zh_CN"})

    def names(self):
        """Names of people and companies: data, shown as they are written."""
        partners = self.env["res.partner"].with_context(active_test=False).search([])
        return frozenset(partners.mapped("name")) | frozenset(partners.mapped("display_name"))


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestPortalReadsInChinese(ZhReaderMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.speak_chinese()
        cls.portal = new_test_user(
            cls.env,
            "kefu_portal_zh",
            groups="base.group_portal",
            lang="zh_CN",
            name="陈杰",
            email="kefu_portal_zh@example.com",
        )
        team = cls.env["helpdesk.ticket.team"].create({"name": "客服前台"})
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "SO-1024 订单什么时候到？",
                "description": "<p>客户询问订单的送货日期。</p>",
                "partner_id": cls.portal.partner_id.id,
                "partner_name": "陈杰",
                "partner_email": cls.portal.email,
                "team_id": team.id,
                "channel_id": cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone").id,
                "kefu_contact_number": "13800000000",
            }
        )

    def _page_english(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertNotIn("/web/login", response.url, url)
        found = html_english(response.text, self.names())
        return {f"{url}: {text}" for text in found if text not in ZH_PORTAL_OPEN}

    def test_portal_pages_read_in_chinese(self):
        self.authenticate("kefu_portal_zh", "kefu_portal_zh")
        texts = set()
        for url in ("/my", "/my/tickets", f"/my/ticket/{self.ticket.id}"):
            texts |= self._page_english(url)
        self.assertFalse(
            texts,
            f"{len(texts)} English texts on portal pages in zh_CN:\n" + "\n".join(sorted(texts)),
        )

    def test_the_reader_finds_english_in_html(self):
        html = (
            "<div><h3>Tickets</h3><p>工单</p><input placeholder='Search'/>"
            "<script>var Latin = 1;</script><span>HT00014</span><b>Chen Jie</b></div>"
        )
        self.assertEqual(html_english(html, {"Chen Jie"}), {"Tickets", "Search"})


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestCronMailsReadInChinese(ZhReaderMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.speak_chinese()

    def _kefu_records(self, model):
        data = self.env["ir.model.data"].search(
            [("model", "=", model), ("module", "in", KEFU_ADDONS)]
        )
        return self.env[model].browse(data.mapped("res_id")).exists()

    def test_every_kefu_cron_writes_chinese(self):
        crons = self._kefu_records("ir.cron")
        self.assertGreater(len(crons), 10)
        texts, written, names = set(), 0, self.names()
        for cron in crons:
            last_message = self.env["mail.message"].search([], order="id desc", limit=1).id
            last_activity = self.env["mail.activity"].search([], order="id desc", limit=1).id
            cron.method_direct_trigger()
            messages = self.env["mail.message"].search([("id", ">", last_message)])
            activities = self.env["mail.activity"].search([("id", ">", last_activity)])
            written += len(messages) + len(activities)
            for message in messages:
                for text in read(message.body, message.subject, names):
                    texts.add(f"{cron.name} message: {text}")
            for activity in activities:
                for text in read(activity.note, activity.summary, names):
                    texts.add(f"{cron.name} activity: {text}")
        # The demo data gives the crons something to write about.
        self.assertGreater(written, 0)
        self.assertFalse(
            texts,
            f"{len(texts)} English texts written by kefu crons in zh_CN:\n"
            + "\n".join(sorted(texts)),
        )

    def test_kefu_mail_templates_render_in_chinese(self):
        templates = self._kefu_records("mail.template")
        # helpdesk_mgmt's templates sent by the ticket stages kefu uses (ticket closed).
        templates |= self.env["helpdesk.ticket.stage"].search([]).mail_template_id
        self.assertTrue(templates)
        texts, rendered, names = set(), 0, self.names()
        for template in templates:
            record = self.env[template.model].search([], limit=1)
            if not record:
                continue
            rendered += 1
            values = template._generate_template(record.ids, ("subject", "body_html"))[record.id]
            for text in read(values.get("body_html"), values.get("subject"), names):
                texts.add(f"{template.name}: {text}")
        self.assertGreater(rendered, 0)
        self.assertFalse(
            texts,
            f"{len(texts)} English texts in kefu mails to a zh_CN customer:\n"
            + "\n".join(sorted(texts)),
        )

"""Issue 14: helpdesk_mgmt's portal search bar (/my/tickets) in the reader's language.

kefu re-labels the search bar helpdesk_mgmt builds (controllers/helpdesk_portal.py):
a zh_CN customer reads Chinese, an English one the English of helpdesk_mgmt, a reader
of a language kefu does not translate helpdesk_mgmt's own translation; the keys and
their order stay helpdesk_mgmt's.
"""

import lxml.html

from odoo.tests import HttpCase, new_test_user, tagged

# Each dropdown of the search bar: the attribute that carries its key, and where.
DROPDOWNS = {
    "sortby": "//div[@aria-labelledby='portal_searchbar_sortby']/a",
    "filterby": "//div[@aria-labelledby='portal_searchbar_filters']/a",
    "groupby": "//div[@aria-labelledby='portal_searchbar_groupby']/a",
    "search_in": "//form[contains(@class, 'o_portal_search_panel')]//div[@role='menu']/a",
}


def searchbar(html):
    """{dropdown: [(key, label), ...]} of the portal search bar, in page order."""
    root = lxml.html.fromstring(html)
    bar = {}
    for name, xpath in DROPDOWNS.items():
        items = []
        for link in root.xpath(xpath):
            href = link.get("href")
            if name == "search_in":
                key = href.lstrip("#")
            else:
                key = dict(p.split("=", 1) for p in href.split("?", 1)[1].split("&"))[name]
            items.append((key, link.text_content().strip()))
        bar[name] = items
    return bar


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestPortalSearchbarLabels(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A database created in Chinese may have English inactive: then an en_US
        # customer would be served in the company's language.
        for lang in ("zh_CN", "en_US", "fr_FR"):
            cls.env["res.lang"]._activate_lang(lang)
        team = cls.env["helpdesk.ticket.team"].create({"name": "客服前台"})
        cls.users = {}
        for lang in ("zh_CN", "en_US", "fr_FR"):
            login = f"kefu_portal_labels_{lang.lower()}"
            user = new_test_user(
                cls.env,
                login,
                groups="base.group_portal",
                lang=lang,
                name=f"门户客户 {lang}",
                email=f"{login}@example.com",
            )
            cls.env["helpdesk.ticket"].create(
                {
                    "name": "订单什么时候到？",
                    "description": "<p>客户询问订单的送货日期。</p>",
                    "partner_id": user.partner_id.id,
                    "partner_name": user.name,
                    "partner_email": user.email,
                    "team_id": team.id,
                    "channel_id": cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone").id,
                    "kefu_contact_number": "13800000000",
                }
            )
            cls.users[lang] = login
        stages = cls.env["helpdesk.ticket.stage"].search([])
        cls.stage_filters = sorted(
            (str(stage.id), stage.with_context(lang="zh_CN").name) for stage in stages
        )

    def _searchbar(self, lang):
        login = self.users[lang]
        self.authenticate(login, login)
        response = self.url_open("/my/tickets")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("/web/login", response.url)
        return searchbar(response.text)

    def test_zh_cn_customer_reads_the_search_bar_in_chinese(self):
        bar = self._searchbar("zh_CN")
        self.assertEqual(
            bar["sortby"],
            [("date", "最新"), ("name", "标题"), ("stage", "阶段"), ("update", "最近阶段更新")],
        )
        self.assertEqual(bar["groupby"], [("none", "无"), ("category", "类别"), ("stage", "阶段")])
        self.assertEqual(
            bar["search_in"],
            [("all", "在全部中搜索"), ("number", "在编号中搜索"), ("name", "在标题中搜索")],
        )
        # Stage filters keep their (translated) stage names, "all" its place by key.
        self.assertEqual(bar["filterby"], sorted([("all", "全部"), *self.stage_filters]))

    def test_english_customer_reads_helpdesk_english(self):
        bar = self._searchbar("en_US")
        self.assertEqual(
            bar["sortby"],
            [
                ("date", "Newest"),
                ("name", "Title"),
                ("stage", "Stage"),
                ("update", "Last Stage Update"),
            ],
        )
        self.assertEqual(
            bar["groupby"], [("none", "None"), ("category", "Category"), ("stage", "Stage")]
        )
        self.assertEqual(
            bar["search_in"],
            [("all", "Search in All"), ("number", "Search in Number"), ("name", "Search in Title")],
        )
        self.assertIn(("all", "All"), bar["filterby"])

    def test_other_language_keeps_helpdesk_translation(self):
        # kefu has no French: helpdesk_mgmt's own fr.po still speaks.
        bar = self._searchbar("fr_FR")
        self.assertEqual(bar["sortby"][0], ("date", "Le plus récent"))
        self.assertEqual(bar["search_in"][0], ("all", "Chercher dans Tout"))
        self.assertIn(("all", "Tout"), bar["filterby"])

"""Issue 14: read every kefu screen like a zh_CN user and find English.

Every menu under 客服部 (kefu_management's root, with the credit and contract
menus below it) and every view of its actions (list, form, kanban, pivot, graph,
calendar, search), plus kefu's section of Settings, rendered as the web client
gets them (``get_views`` in zh_CN): labels, buttons, pages, filters, placeholders,
help texts, selection values and the fixed texts of the arch. A text made only of
Latin letters that is not a name, code or unit (``ZH_SCREEN_ALLOWLIST`` below,
one reason per entry) is a screen a Chinese agent reads in English.
"""

import re

from lxml import etree

from odoo.tests import TransactionCase, tagged

# Latin-only texts a zh_CN screen may show, each with its reason.
ZH_SCREEN_ALLOWLIST = {
    "Email": "Odoo's own zh_CN keeps 'Email' for the e-mail address in some labels",
    "CSV": "file format name",
    "XLSX": "file format name",
    "PDF": "file format name",
    "KPI": "the department's own abbreviation, used as such in the rulebook",
    "ID": "record identifier",
    "URL": "technical term kept in Chinese UIs",
    "UTC": "time zone name",
    "Factur-X（CII）": "e-invoicing format name (Odoo's account_edi_ubl_cii)",
    "NLCIUS": "e-invoicing format name (Odoo's account_edi_ubl_cii)",
    "XRechnung CIUS": "e-invoicing format name (Odoo's account_edi_ubl_cii)",
    "Peppol Endpoint": "Peppol network address label, untranslated in Odoo's own zh_CN",
}
VIEW_TYPES = ("list", "form", "kanban", "pivot", "graph", "calendar", "search")
TEXT_ATTRS = ("string", "help", "placeholder", "confirm", "title", "sum", "avg")
LATIN = re.compile(r"[A-Za-z]{2,}")
CJK = re.compile(r"[\u3400-\u9fff]")
# Arch attributes and nodes that hold code or data, not text for the reader.
CODE_TAGS = {"field", "script", "code"}
DYNAMIC = ("t-esc", "t-out", "t-raw", "t-field")


def english(text):
    """The text if a reader sees only Latin words in it, else None."""
    text = " ".join((text or "").split())
    if not text or CJK.search(text) or not LATIN.search(text):
        return None
    if text in ZH_SCREEN_ALLOWLIST:
        return None
    return text


@tagged("post_install", "-at_install", "kefu", "kefu_base")
class TestScreensZh(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="zh_CN"))
        cls.env["res.lang"]._activate_lang("zh_CN")

    def _menus(self):
        root = self.env.ref("kefu_management.kefu_menu_root")
        return self.env["ir.ui.menu"].search([("id", "child_of", root.id)])

    def _view_texts(self, model, view_type, arch, models_fields):
        """English texts of ``arch``; fields of inline sub-views are looked up on
        their own model (``models_fields``: get_views' ``models``)."""
        found = set()

        def walk(node, model):
            fields = models_fields.get(model, {})
            for attr in TEXT_ATTRS:
                # The root <search string> is never displayed.
                if node.get(attr) and not (node.tag == "search" and attr == "string"):
                    found.add(english(node.get(attr)))
            # Own text replaced at render time (t-esc/t-out) or code: not read as is.
            code = node.tag in CODE_TAGS or any(k in node.attrib for k in DYNAMIC)
            if not code:
                found.add(english(node.text))
            if node.tag == "field":
                info = fields.get(node.get("name")) or {}
                hidden = "1" in (node.get("invisible"), node.get("column_invisible")) or (
                    "True" in (node.get("invisible"), node.get("column_invisible"))
                )
                # Kanban and calendar <field> nodes load data; their labels are arch texts.
                if not hidden and view_type not in ("kanban", "calendar"):
                    found.add(english(info.get("string")))
                    found.add(english(info.get("help")))
                    for value, label in info.get("selection") or ():
                        # Codes shown as themselves (time zones) or leading their official
                        # name (Peppol's "0208—Numero d'entreprise") are names.
                        if label != value and not label.startswith(f"{value}—"):
                            found.add(english(label))
                model = info.get("relation") or model
            for child in node:
                if isinstance(child.tag, str):
                    walk(child, model)
                    found.add(english(child.tail))

        walk(arch, model)
        found.discard(None)
        return {f"{model} {view_type}: {text}" for text in found}

    def _screen_texts(self):
        texts = set()
        seen = set()
        for menu in self._menus():
            if english(menu.name):
                texts.add(f"menu {menu.complete_name}: {menu.name}")
            action = menu.action
            if not action or action._name != "ir.actions.act_window":
                continue
            model = action.res_model
            if model == "res.config.settings":
                continue  # kefu's own section is read below, not other apps'
            modes = [m for m in (action.view_mode or "").split(",") if m in VIEW_TYPES]
            for view_type in [*modes, "search"]:
                if (model, view_type) in seen:
                    continue
                seen.add((model, view_type))
                result = self.env[model].get_views([(False, view_type)])
                arch = etree.fromstring(result["views"][view_type]["arch"])
                models_fields = {m: v["fields"] for m, v in result["models"].items()}
                texts |= self._view_texts(model, view_type, arch, models_fields)
        settings = self.env["res.config.settings"].get_views([(False, "form")])
        arch = etree.fromstring(settings["views"]["form"]["arch"])
        models_fields = {m: v["fields"] for m, v in settings["models"].items()}
        for app in arch.iter("app"):
            if (app.get("name") or "").startswith("kefu_"):
                texts |= self._view_texts("res.config.settings", "form", app, models_fields)
        return texts

    def test_every_kefu_screen_reads_in_chinese(self):
        self.assertGreater(len(self._menus()), 10)
        texts = self._screen_texts()
        self.assertFalse(
            texts,
            f"{len(texts)} English texts on kefu screens in zh_CN:\n" + "\n".join(sorted(texts)),
        )

    def test_the_reader_finds_english_on_a_screen(self):
        # The reader itself: an untranslated label is caught, a Chinese one is not.
        arch = etree.fromstring(
            '<form><button string="Approve"/><label string="批准"/><div>Due by</div></form>'
        )
        texts = self._view_texts("x", "form", arch, {"x": {}})
        self.assertEqual(texts, {"x form: Approve", "x form: Due by"})

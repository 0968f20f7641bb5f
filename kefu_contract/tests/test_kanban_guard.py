"""Issue 18, point 2: a kanban column is a controlled state. Dragging a card or
quick-creating one in a column must not change it: the kanban views forbid both,
and the models refuse the write a drag sends (``write({'state': ...})``) anyway."""

from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.kefu_management.tests.common import KefuRpcMixin

from .common import KefuContractCase

GUARDED = "change only through the document's own actions"
EN = {"lang": "en_US"}


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestKanbanGuard(KefuContractCase):
    def test_grouped_kanbans_are_neither_draggable_nor_quick_created(self):
        """Every kefu kanban grouped by a field: no drag, no quick create, no columns."""
        views = self.env["ir.ui.view"].search([("type", "=", "kanban"), ("inherit_id", "=", False)])
        checked = set()
        for view in views:
            module = (view.xml_id or "").split(".")[0]
            if not module.startswith("kefu_"):
                continue
            arch = self.env[view.model].get_views([(view.id, "kanban")])["views"]["kanban"]["arch"]
            node = etree.fromstring(arch)
            if not node.get("default_group_by"):
                continue
            checked.add(view.model)
            for attr in ("records_draggable", "quick_create", "group_create"):
                self.assertIn(node.get(attr), ("0", "false", "False"), f"{view.xml_id}: {attr}")
        self.assertTrue({"kefu.contract", "kefu.callback", "kefu.archive"} <= checked)

    def test_a_drag_is_refused_as_sales_and_as_cs_manager(self):
        """The write a kanban drag sends: refused, nothing changes."""
        draft = self.make_contract()
        with self.assertRaisesText(AccessError, GUARDED):
            draft.with_user(self.salesman).write({"state": "approved"})
        custody = self.make_in_custody()
        with self.assertRaises(AccessError):
            custody.with_user(self.manager).write({"state": "approved"})
        self.env.invalidate_all()
        self.assertEqual(draft.state, "draft")
        self.assertEqual(custody.state, "custody")

    def test_a_callback_drag_is_refused(self):
        callback = self.env["kefu.callback"].create(
            {
                "partner_id": self.customer.id,
                "user_id": self.agent.id,
                # A Monday morning: outside the customer's rest time (CBK-3).
                "planned_date": self.local(2027, 6, 14, 10, 0),
            }
        )
        for user in (self.agent, self.manager):
            with self.assertRaisesText(AccessError, GUARDED):
                callback.with_user(user).write({"state": "done"})
        self.env.invalidate_all()
        self.assertEqual(callback.state, "planned")
        # Its buttons still move it.
        callback.with_user(self.agent).action_no_answer()
        self.assertEqual(callback.state, "no_answer")


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestKanbanGuardRpc(KefuRpcMixin, HttpCase, KefuContractCase):
    def test_rpc_drag_is_refused(self):
        draft = self.make_contract()
        custody = self.make_in_custody()
        self.assertRpcRefused(
            "t_con_sales", "kefu.contract", "write", draft.ids, {"state": "approved"}, context=EN
        )
        self.assertRpcRefused(
            "t_manager", "kefu.contract", "write", custody.ids, {"state": "approved"}, context=EN
        )
        callback = self.env["kefu.callback"].create(
            {
                "partner_id": self.customer.id,
                "user_id": self.agent.id,
                # A Monday morning: outside the customer's rest time (CBK-3).
                "planned_date": self.local(2027, 6, 14, 10, 0),
            }
        )
        self.assertRpcRefused(
            "t_agent",
            "kefu.callback",
            "write",
            callback.ids,
            {"state": "done"},
            context=EN,
            message=GUARDED,
        )
        self.env.invalidate_all()
        self.assertEqual(draft.state, "draft")
        self.assertEqual(custody.state, "custody")
        self.assertEqual(callback.state, "planned")

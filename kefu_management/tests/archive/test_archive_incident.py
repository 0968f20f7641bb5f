from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged

from ..common import KefuRpcMixin
from .common import KefuArchiveCase


class KefuIncidentCase(KefuArchiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.card = cls.grant_card(cls.archives["secret"])
        cls.Incident = cls.env["kefu.archive.incident"]

    def incident_vals(self, **vals):
        return {
            "name": "Card lent to a competitor's agent",
            "incident_type": "leak",
            "person_id": self.sales_manager.id,
            "borrow_id": self.card.id,
            "date": "2026-11-20",
            **vals,
        }


@tagged("post_install", "-at_install", "kefu", "kefu_archive", "kefu_access")
class TestArchiveIncident(KefuIncidentCase):
    """ARC-10: a violation, loss or leak recorded against the person and the
    superior who approved his borrowing card."""

    def test_the_approving_superior_is_taken_from_the_card(self):
        incident = self.Incident.with_user(self.manager).create(self.incident_vals())
        self.assertEqual(incident.superior_id, self.general_manager)
        self.assertEqual(incident.partner_id, self.archives["secret"].partner_id)
        self.assertEqual(self.card.approver_id, self.general_manager)
        # Another "superior" than the card's signer is refused, nothing written.
        with self.assertRaises(ValidationError):
            self.Incident.with_user(self.manager).create(
                self.incident_vals(superior_id=self.manager.id)
            )
        # The card must be the person's own.
        with self.assertRaises(ValidationError):
            self.Incident.with_user(self.manager).create(
                self.incident_vals(person_id=self.salesman.id)
            )
        self.assertEqual(self.Incident.search_count([]), 1)

    def test_without_a_card_the_superior_is_given_and_is_not_the_person(self):
        Incident = self.Incident.with_user(self.general_manager)
        vals = self.incident_vals(borrow_id=False, incident_type="loss", person_id=self.agent.id)
        with self.assertRaises(ValidationError):
            Incident.create(vals)
        with self.assertRaises(ValidationError):
            Incident.create({**vals, "superior_id": self.agent.id})
        incident = Incident.create({**vals, "superior_id": self.leader.id})
        self.assertEqual(incident.superior_id, self.leader)
        self.assertFalse(incident.partner_id)
        incident.message_post(body="Interview held")  # pylint: disable=translation-required
        self.assertIn("mail.thread", self.Incident._inherit)

    def test_only_the_cs_manager_and_general_manager_see_incidents(self):
        incident = self.Incident.create(self.incident_vals())
        for user in (self.manager, self.general_manager):
            self.assertEqual(self.Incident.with_user(user).search([]), incident)
        for user in (self.agent, self.leader, self.supervisor, self.sales_manager, self.employee):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.Incident.with_user(user).search([])
                with self.assertRaises(AccessError):
                    incident.with_user(user).read(["name"])
                with self.assertRaises(AccessError):
                    incident.with_user(user).write({"name": "Nothing happened"})
                with self.assertRaises(AccessError):
                    self.Incident.with_user(user).create(self.incident_vals())
        self.assertEqual(incident.name, "Card lent to a competitor's agent")
        self.assertEqual(self.Incident.search_count([]), 1)
        # Records of responsibility are not deleted, not even by the GM.
        with self.assertRaises(AccessError):
            incident.with_user(self.general_manager).unlink()

    def test_menu_only_for_managers(self):
        menu = self.env.ref("kefu_management.kefu_archive_incident_menu")
        Menu = self.env["ir.ui.menu"]
        self.assertIn(menu.id, Menu.with_user(self.manager)._visible_menu_ids())
        self.assertNotIn(menu.id, Menu.with_user(self.agent)._visible_menu_ids())


@tagged("post_install", "-at_install", "kefu", "kefu_archive", "kefu_access")
class TestArchiveIncidentRpc(KefuRpcMixin, HttpCase, KefuIncidentCase):
    def test_rpc_agent_cannot_read_or_write_incidents(self):
        incident = self.Incident.create(self.incident_vals())
        model = "kefu.archive.incident"
        self.assertRpcRefused("t_agent", model, "search_read", [], ["name"])
        self.assertRpcRefused("t_agent", model, "read", incident.ids, ["name"])
        self.assertRpcRefused("t_agent", model, "write", incident.ids, {"name": "x"})
        self.assertRpcRefused("t_agent", model, "create", self.incident_vals())
        self.assertRpcRefused("t_sales_manager", model, "search_read", [], ["name"])
        result, error = self.rpc("t_manager", model, "search_read", [], ["name", "superior_id"])
        self.assertFalse(error)
        self.assertEqual([r["id"] for r in result], incident.ids)
        self.assertEqual(result[0]["superior_id"][0], self.general_manager.id)
        self.assertEqual(incident.name, "Card lent to a competitor's agent")

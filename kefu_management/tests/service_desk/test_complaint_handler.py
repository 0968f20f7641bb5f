"""CMP-3/CMP-4: the head of the department a complaint is passed to is often no
kefu member (a production or logistics manager). As its responsible person he
becomes a Complaint Handler: he opens the complaints he handles, reads their
complaint fields and gives his department's result through the complaint's
action; he writes nothing directly and sees nothing else of kefu."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .common import KefuHelpdeskCase

HANDLER = "kefu_management.group_kefu_complaint_handler"
AGENT = "kefu_management.group_kefu_agent"
# The complaint fields a department reads to handle the complaint.
COMPLAINT_FIELDS = [
    "kefu_complaint_state",
    "kefu_solution_options",
    "kefu_promised_date",
    "kefu_justified",
    "kefu_demand_reasonable",
    "kefu_complaint_category_id",
    "kefu_complaint_level",
    "kefu_complaint_department_id",
    "kefu_complaint_cause_id",
    "kefu_complaint_result",
    "kefu_resolved_date",
]


def route_complaint(agent, ticket, department, category):
    """Accept, judge and pass a complaint to ``department``, as ``agent``."""
    ticket = ticket.with_user(agent)
    ticket.write(
        {
            "kefu_solution_options": "Replace the parts.",
            "kefu_promised_date": fields.Datetime.now() + timedelta(days=3),
        }
    )
    ticket.action_kefu_accept_complaint()
    ticket.write(
        {
            "kefu_justified": "yes",
            "kefu_demand_reasonable": "yes",
            "kefu_complaint_category_id": category.id,
            "kefu_complaint_department_id": department.id,
        }
    )
    ticket.action_kefu_judge_complaint()
    ticket.action_kefu_route_complaint()


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestComplaintHandler(KefuHelpdeskCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head = new_test_user(cls.env, "t_production_head", groups="base.group_user")
        cls.other_head = new_test_user(cls.env, "t_logistics_head", groups="base.group_user")
        cls.host = new_test_user(
            cls.env, "t_host_handler", groups="helpdesk_mgmt.group_helpdesk_user"
        )
        Department = cls.env["kefu.complaint.department"].with_user(cls.manager)
        cls.production = Department.create({"name": "Production", "user_id": cls.head.id})
        cls.logistics = Department.create({"name": "Logistics"})
        cls.logistics.write({"user_id": cls.other_head.id})
        cls.category = cls.env.ref("kefu_management.kefu_complaint_category_quality")
        cls.cause = cls.env["kefu.complaint.cause"].create({"name": "Welding fault"})
        cls.complaint = cls.make_ticket(
            user=cls.agent,
            user_id=cls.agent.id,
            name="Cracked frame",
            kefu_enquiry_type_id=cls.type_complaint.id,
        )
        route_complaint(cls.agent, cls.complaint, cls.production, cls.category)
        cls.other_complaint = cls.make_ticket(
            user=cls.agent,
            user_id=cls.agent.id,
            name="Late delivery",
            kefu_enquiry_type_id=cls.type_complaint.id,
        )
        route_complaint(cls.agent, cls.other_complaint, cls.logistics, cls.category)

    def reply(self, user, ticket, result, cause=None):
        wizard = (
            self.env["kefu.complaint.result.wizard"]
            .with_user(user)
            .with_context(ticket.with_user(user).action_kefu_open_department_result()["context"])
            .create({"result": result, "cause_id": cause.id if cause else False})
        )
        return wizard.action_apply()

    def test_responsible_of_a_department_becomes_complaint_handler(self):
        # On create and on write, by a CS Manager (no user administrator).
        self.assertTrue(self.head.has_group(HANDLER))
        self.assertTrue(self.other_head.has_group(HANDLER))
        self.assertFalse(self.head.has_group(AGENT), "no kefu agent rights")
        self.assertFalse(self.head.has_group("helpdesk_mgmt.group_helpdesk_user_own"))
        # Leaving the role keeps the group (add only): his past complaints stay his.
        self.production.with_user(self.manager).user_id = self.other_head
        self.assertTrue(self.head.has_group(HANDLER))
        # Responsible persons named before the group existed get it at the update.
        self.other_head.groups_id = [(3, self.env.ref(HANDLER).id)]
        self.env["kefu.complaint.department"]._kefu_grant_complaint_handlers()
        self.assertTrue(self.other_head.has_group(HANDLER))

    def test_handler_opens_his_complaint_and_reads_the_complaint_fields(self):
        Ticket = self.env["helpdesk.ticket"].with_user(self.head)
        visible = Ticket.search([("id", "in", (self.complaint | self.other_complaint).ids)])
        self.assertEqual(visible, self.complaint, "only the complaint he handles")
        views = Ticket.get_views([(False, "form")])
        arch = views["views"]["form"]["arch"]
        loaded = views["models"]["helpdesk.ticket"]["fields"]
        self.assertIn('name="kefu_complaint"', arch, "the complaint page is shown")
        self.assertIn('name="action_kefu_open_department_result"', arch)
        for name in COMPLAINT_FIELDS:
            self.assertIn(name, loaded)
        self.assertNotIn("kefu_enquiry_type_id", loaded)
        self.assertNotIn("kefu_contact_number", loaded)
        self.assertNotIn("action_kefu_accept_complaint", arch)
        # What the web client reads to open the form.
        [values] = self.complaint.with_user(self.head).web_read({name: {} for name in loaded})
        self.assertEqual(values["kefu_complaint_state"], "routed")
        self.assertEqual(values["kefu_complaint_department_id"], self.production.id)
        self.assertEqual(values["kefu_solution_options"], "Replace the parts.")

    def test_handler_gives_the_result_through_the_action(self):
        activity = self.complaint.activity_ids.filtered(lambda a: a.user_id == self.head)
        self.assertEqual(len(activity), 1, "the department was asked to handle it")
        self.reply(self.head, self.complaint, "Frame replaced under warranty.", self.cause)
        self.assertEqual(self.complaint.kefu_complaint_result, "Frame replaced under warranty.")
        self.assertEqual(self.complaint.kefu_complaint_cause_id, self.cause)
        self.assertEqual(self.complaint.kefu_complaint_state, "routed")
        self.assertFalse(activity.exists(), "his activity is done")
        note = self.complaint.message_ids.filtered(
            lambda m: "Frame replaced under warranty." in (m.body or "")
        )
        self.assertEqual(note.author_id, self.head.partner_id)
        self.assertIn(self.agent.partner_id, note.partner_ids, "the agent is told")
        # Customer service gives it back to the customer (CMP-4).
        self.complaint.with_user(self.agent).action_kefu_send_result()
        self.assertEqual(self.complaint.kefu_complaint_state, "result_sent")
        with self.assertRaises(UserError):
            self.reply(self.head, self.complaint, "Too late.")

    def test_handler_cannot_write_complaint_fields_directly(self):
        ticket = self.complaint.with_user(self.head)
        for vals in (
            {"kefu_complaint_result": "Done."},
            {"kefu_complaint_cause_id": self.cause.id},
            {"kefu_complaint_state": "result_sent"},
            {"kefu_complaint_department_id": self.logistics.id},
        ):
            with self.assertRaises(AccessError):
                ticket.write(vals)
        # Also when he is a helpdesk user assigned to the ticket: OCA's fields he
        # writes, the complaint only through the action.
        self.head.groups_id = [(4, self.env.ref("helpdesk_mgmt.group_helpdesk_user_own").id)]
        self.complaint.user_id = self.head
        ticket.invalidate_recordset()
        for vals in (
            {"kefu_complaint_result": "Done."},
            {"kefu_complaint_level": "normal"},
            {"kefu_complaint_department_id": self.logistics.id},
        ):
            with self.assertRaises(AccessError):
                ticket.write(vals)
        ticket.write({"name": "Cracked frame (order 7)"})
        self.assertFalse(self.complaint.kefu_complaint_result)
        self.assertEqual(self.complaint.kefu_complaint_department_id, self.production)

    def test_handler_cannot_read_another_departments_complaint(self):
        other = self.other_complaint.with_user(self.head)
        with self.assertRaises(AccessError):
            other.read(["name"])
        with self.assertRaises(AccessError):
            other.action_kefu_department_result("Not mine.")
        with self.assertRaises(AccessError):
            self.reply(self.head, self.other_complaint, "Not mine.")
        self.assertFalse(self.other_complaint.kefu_complaint_result)
        # Another department's head may not answer for this one either.
        with self.assertRaises(AccessError):
            self.complaint.with_user(self.other_head).action_kefu_department_result("Mine?")

    def test_handler_cannot_read_non_complaint_kefu_fields(self):
        ticket = self.complaint.with_user(self.head)
        for name in ("kefu_enquiry_type_id", "kefu_contact_number", "kefu_callback_outcome"):
            with self.assertRaises(AccessError):
                ticket.read([name])
        # Nor anything else of kefu.
        for model in ("kefu.enquiry.type", "kefu.ticket.contact", "kefu.callback"):
            self.assertFalse(self.env[model].with_user(self.head).has_access("read"), model)

    def test_reply_only_while_the_complaint_is_with_the_department(self):
        complaint = self.make_ticket(
            user=self.agent, user_id=self.agent.id, kefu_enquiry_type_id=self.type_complaint.id
        )
        complaint.with_user(self.agent).write({"kefu_complaint_department_id": self.production.id})
        with self.assertRaises(UserError):
            complaint.with_user(self.head).action_kefu_department_result("Early.")
        with self.assertRaises(UserError):
            self.complaint.with_user(self.head).action_kefu_department_result("  ")

    def test_plain_helpdesk_user_still_reads_no_complaint_field(self):
        self.assertFalse(self.host.has_group(HANDLER))
        ticket = self.complaint.with_user(self.host)
        ticket.read(["name"])
        with self.assertRaises(AccessError):
            ticket.read(["kefu_complaint_result"])
        with self.assertRaises(AccessError):
            ticket.action_kefu_department_result("Not his.")


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk")
class TestComplaintHandlerHttp(HttpCase):
    """The department head in the web client, over JSON-RPC."""

    def setUp(self):
        super().setUp()
        agent = new_test_user(self.env, "t_handler_rpc_agent", groups=AGENT)
        self.head = new_test_user(self.env, "t_handler_rpc_head", groups="base.group_user")
        department = self.env["kefu.complaint.department"].create(
            {"name": "Assembly", "user_id": self.head.id}
        )
        other = self.env["kefu.complaint.department"].create({"name": "Paint shop"})
        category = self.env.ref("kefu_management.kefu_complaint_category_quality")
        Ticket = self.env["helpdesk.ticket"]
        complaint_type = self.env.ref("kefu_management.kefu_enquiry_type_complaint")
        self.complaint, self.other = (
            Ticket.with_user(agent).create(
                {
                    "name": name,
                    "description": "<p>Asked by phone.</p>",
                    "user_id": agent.id,
                    "kefu_enquiry_type_id": complaint_type.id,
                }
            )
            for name in ("Loose screws", "Scratched paint")
        )
        route_complaint(agent, self.complaint, department, category)
        route_complaint(agent, self.other, other, category)

    def call_kw(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_department_head_handles_his_complaint_over_json_rpc(self):
        self.assertTrue(self.head.has_group(HANDLER))
        self.authenticate("t_handler_rpc_head", "t_handler_rpc_head")
        found = self.call_kw(
            "helpdesk.ticket",
            "search_read",
            [[("id", "in", [self.complaint.id, self.other.id])]],
            {"fields": ["name"]},
        )
        self.assertEqual([r["id"] for r in found], [self.complaint.id])
        [values] = self.call_kw(
            "helpdesk.ticket",
            "web_read",
            [[self.complaint.id]],
            {"specification": {name: {} for name in COMPLAINT_FIELDS}},
        )
        self.assertEqual(values["kefu_complaint_state"], "routed")
        for spec in ({"kefu_enquiry_type_id": {}}, {"kefu_callback_outcome": {}}):
            with self.assertRaises(JsonRpcException):
                self.call_kw(
                    "helpdesk.ticket", "web_read", [[self.complaint.id]], {"specification": spec}
                )
        with self.assertRaises(JsonRpcException):
            self.call_kw(
                "helpdesk.ticket",
                "web_save",
                [[self.complaint.id], {"kefu_complaint_result": "Written directly."}],
                {"specification": {}},
            )
        action = self.call_kw(
            "helpdesk.ticket", "action_kefu_open_department_result", [[self.complaint.id]]
        )
        [wizard] = self.call_kw(
            "kefu.complaint.result.wizard",
            "web_save",
            [[], {"result": "Screws tightened, parts checked."}],
            {"specification": {}, "context": action["context"]},
        )
        self.call_kw("kefu.complaint.result.wizard", "action_apply", [[wizard["id"]]])
        self.assertEqual(self.complaint.kefu_complaint_result, "Screws tightened, parts checked.")
        with self.assertRaises(JsonRpcException):
            self.call_kw(
                "helpdesk.ticket",
                "action_kefu_department_result",
                [[self.other.id], "Not mine."],
            )
        self.assertFalse(self.other.kefu_complaint_result)

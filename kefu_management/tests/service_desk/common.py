from odoo.tests import new_test_user

from ..common import KefuCase


class KefuHelpdeskCase(KefuCase):
    """Two teams, their leaders and agents, the enquiry types and channels."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent_b = new_test_user(cls.env, "t_agent_b", groups="kefu_management.group_kefu_agent")
        cls.leader_b = new_test_user(
            cls.env, "t_leader_b", groups="kefu_management.group_kefu_team_leader"
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Zhang San Trading", "email": "zhang@example.com", "lang": "en_US"}
        )
        Team = cls.env["helpdesk.ticket.team"]
        cls.team = Team.create(
            {
                "name": "Front desk",
                "user_id": cls.leader.id,
                "user_ids": [(6, 0, [cls.agent.id, cls.leader.id])],
            }
        )
        cls.team_b = Team.create(
            {
                "name": "Wholesale desk",
                "user_id": cls.leader_b.id,
                "user_ids": [(6, 0, [cls.agent_b.id])],
            }
        )
        ref = cls.env.ref
        cls.type_consultation = ref("kefu_management.kefu_enquiry_type_consultation")
        cls.type_complaint = ref("kefu_management.kefu_enquiry_type_complaint")
        cls.type_delivery = ref("kefu_management.kefu_enquiry_type_delivery")
        cls.type_shipping = ref("kefu_management.kefu_enquiry_type_shipping_doc")
        cls.type_franchise = ref("kefu_management.kefu_enquiry_type_franchise")
        cls.type_suggestion = ref("kefu_management.kefu_enquiry_type_suggestion")
        cls.channel_phone = ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        cls.channel_email = ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        cls.stage_done = ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        # The rulebook defaults, whatever an earlier run stored.
        ICP = cls.env["ir.config_parameter"].sudo()
        for name, field in cls.env["res.config.settings"]._fields.items():
            if name.startswith("kefu_svc_"):
                ICP.set_param(field.config_parameter, False)

    @classmethod
    def make_ticket(cls, user=None, **values):
        vals = {
            "name": "Where is my order?",
            "description": "<p>The customer asks.</p>",
            "partner_id": cls.customer.id,
            "partner_name": cls.customer.name,
            "partner_email": cls.customer.email,
            "team_id": cls.team.id,
            "channel_id": cls.channel_phone.id,
            "kefu_contact_number": "13800000000",
        }
        vals.update(values)
        model = cls.env["helpdesk.ticket"]
        if user:
            model = model.with_user(user)
        return model.create(vals)

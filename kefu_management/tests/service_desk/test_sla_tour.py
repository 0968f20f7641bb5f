from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

# The browser runs on the real clock (freezegun does not reach it): the deadline is
# set a minute ahead of the real now, so that the tour sees the countdown, then
# waits for it to pass.
SECONDS_AHEAD = 60


@tagged("post_install", "-at_install", "kefu", "kefu_service_desk", "kefu_tour")
class TestSlaCountdownTour(HttpCase):
    def test_the_reply_countdown_turns_red_in_the_browser(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        agent = new_test_user(
            self.env,
            "t_sla_tour_agent",
            groups="kefu_management.group_kefu_agent",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "SLA tour ticket",
                "description": "<p>Where is my order?</p>",
                "user_id": agent.id,
                "channel_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email").id,
            }
        )
        ticket.kefu_response_deadline = fields.Datetime.now() + timedelta(seconds=SECONDS_AHEAD)
        self.start_tour(
            "/odoo/action-kefu_management.kefu_ticket_action",
            "kefu_sla_tour",
            login=agent.login,
            timeout=300,
        )
        self.assertFalse(ticket.kefu_first_reply_date, "the tour only looked")

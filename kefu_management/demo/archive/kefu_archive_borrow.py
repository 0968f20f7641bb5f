from datetime import timedelta

from odoo import api, fields, models


class KefuArchiveBorrow(models.Model):
    _inherit = "kefu.archive.borrow"

    @api.model
    def _kefu_demo_flows(self):
        """Demo data: one pending card, one granted card, one destruction request."""
        ref = self.env.ref
        borrower = ref("kefu_management.kefu_user_sales_manager_demo")
        approver = ref("base.user_admin")
        cs_manager = ref("kefu_management.kefu_user_manager_demo")
        if self.search_count([("borrower_id", "=", borrower.id)]):
            return  # demo data is loaded again on every update: run once

        now = fields.Datetime.now()
        Card = self.with_user(borrower)
        pending = Card.create(
            {
                "partner_id": ref("kefu_management.kefu_partner_longteng_demo").id,
                "approver_id": approver.id,
                "purpose": "准备框架协议谈判",
                "date_due": now + timedelta(days=7),
            }
        )
        pending.request_validation()
        granted = Card.create(
            {
                "partner_id": ref("kefu_management.kefu_partner_jinyuan_demo").id,
                "approver_id": approver.id,
                "purpose": "与客户进行季度销售回顾",
                "date_due": now + timedelta(days=3),
            }
        )
        granted.request_validation()
        granted.with_user(approver).validate_tier()
        granted.with_user(cs_manager).validate_tier()
        granted.with_user(cs_manager).action_grant()
        destruction = (
            self.env["kefu.archive.destruction"]
            # ARC-9: the agent keeping the archive reports it; the supervisor, the CS
            # Manager and the General Manager (admin) then sign, each his own tier.
            .with_user(ref("kefu_management.kefu_user_agent_demo"))
            .create(
                {
                    "archive_id": ref("kefu_management.kefu_archive_huaxin_demo").id,
                    "reason": "2019 年资料的重复纸质副本，已被新版取代",
                }
            )
        )
        destruction.request_validation()

import base64
from datetime import timedelta

from odoo import api, fields, models


class KefuContract(models.Model):
    _inherit = "kefu.contract"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _kefu_demo_flows(self):
        """Demo data: a draft, a contract under review, one approved by phone, one
        in custody with a retrieval out, each through the real flow."""
        ref = self.env.ref
        sales = ref("kefu_contract.kefu_contract_user_sales_demo")
        finance = ref("kefu_contract.kefu_contract_user_finance_demo")
        legal = ref("kefu_contract.kefu_contract_user_legal_demo")
        support = ref("kefu_contract.kefu_contract_user_support_demo")
        cs = ref("kefu_management.kefu_user_manager_demo")
        general_manager = ref("base.user_admin")
        if self.env["kefu.contract"].search_count([("user_id", "=", sales.id)]):
            return  # demo data is loaded again on every update: run once
        today = fields.Date.context_today(self)
        partner = ref("kefu_contract.kefu_contract_partner_demo")
        Contract = self.env["kefu.contract"].with_user(sales)

        def contract(title, amount, **vals):
            values = {
                "title": title,
                "partner_id": partner.id,
                "amount": amount,
                "licence_number": "91320200MA1DEMO",
                "licence_valid_until": today + timedelta(days=3 * 365),
                "reputation": "法院记录中未发现纠纷。",
                "qualifications": "ISO 9001 认证，压力设备许可证",
                "delivery_date_start": today + timedelta(days=10),
                "delivery_date_end": today + timedelta(days=60),
            }
            values.update(vals)
            return Contract.create(values)

        def opinions(record):
            record.with_user(cs).cs_credit_opinion = "按时付款；无未结投诉。"
            record.with_user(finance).finance_credit_opinion = "在信用额度之内。"

        contract("阀门备件", 45000.0)
        under_review = contract("二厂闸阀", 380000.0, customer_type="new")
        under_review.action_submit()
        by_phone = contract("紧急水泵订单", 90000.0)
        by_phone.action_submit()
        opinions(by_phone)
        by_phone.with_user(finance).validate_tier()
        # CRD-9: the CS credit opinion is its own step, signed by the CS Manager.
        by_phone.with_user(cs).validate_tier()
        legal_review = by_phone.review_ids.filtered(lambda r: r.kefu_contract_role == "legal")
        self.env["kefu.contract.phone.approval"].with_user(support).create(
            {
                "contract_id": by_phone.id,
                "review_id": legal_review.id,
                "confirmer_id": legal.id,
                "phone": "+86 139 0510 0000",
                "note": "法务出差在外；客户本周急需水泵。",
            }
        )
        kept = contract("年度阀门供货", 260000.0)
        kept.action_submit()
        opinions(kept)
        kept.with_user(finance).validate_tier()
        kept.with_user(legal).validate_tier()
        kept.with_user(cs).validate_tier()
        kept.write(
            {
                "signed_document": base64.b64encode(b"%PDF-1.4 demo signed contract"),
                "signed_document_name": "annual-valve-supply-signed.pdf",
            }
        )
        kept.action_sign()
        kept.with_user(cs).action_receive_custody()
        retrieval = (
            self.env["kefu.contract.retrieval"]
            .with_user(sales)
            .create(
                {
                    "contract_id": kept.id,
                    "purpose": "客户需在其现场审核合同原件",
                    "date_return_due": fields.Datetime.now() + timedelta(days=3),
                }
            )
        )
        retrieval.action_request()
        retrieval.with_user(general_manager).validate_tier()
        retrieval.with_user(cs).action_hand_out()

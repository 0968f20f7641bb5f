from odoo import fields
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.kefu_management.tests.common import KefuRpcMixin


class KefuCreditRpcMixin(KefuRpcMixin):
    """JSON-RPC in English unless the test names another language."""

    def rpc(self, login, model, method, *args, context=None, **kwargs):
        context = dict({"lang": "en_US"}, **(context or {}))
        return super().rpc(login, model, method, *args, context=context, **kwargs)


class KefuCreditCase(TransactionCase):
    """Users per credit role, a customer, a tax-free product and helpers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # English: the messages asserted are kefu's English sources (zh_CN is
        # asserted where it says so).
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, lang="en_US"))
        cls.company = cls.env.company
        cls.salesman = cls.make_user("t_sales", "sales_team.group_sale_salesman,base.group_user")
        cls.controller = cls.make_user(
            "t_credit", "kefu_credit.group_kefu_credit_control,sales_team.group_sale_salesman"
        )
        cls.cs_manager = cls.make_user("t_cs_manager", "kefu_management.group_kefu_manager")
        cls.finance = cls.make_user(
            "t_finance", "account.group_account_manager,kefu_credit.group_kefu_credit_control"
        )
        cls.marketing = cls.make_user("t_marketing", "kefu_credit.group_kefu_marketing_manager")
        cls.general_manager = cls.make_user(
            "t_gm_credit", "kefu_management.group_kefu_general_manager"
        )
        cls.employee = cls.make_user("t_employee_credit", "base.group_user")
        cls.salesman2 = cls.make_user("t_sales2", "sales_team.group_sale_salesman,base.group_user")
        cls.agent = cls.make_user("t_agent_credit", "kefu_management.group_kefu_agent")
        cls.customer = cls.env["res.partner"].create(
            {"name": "Hangzhou Steel Trading Co.", "is_company": True, "user_id": cls.salesman.id}
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Steel coil",
                "type": "consu",
                "list_price": 100.0,
                "taxes_id": [fields.Command.clear()],
                "invoice_policy": "order",
            }
        )
        cls.policy = {
            tier: cls.env.ref(f"kefu_credit.kefu_credit_policy_{tier.lower()}") for tier in "ABCD"
        }
        cls.term_30 = cls.env.ref("account.account_payment_term_30days")
        cls.term_immediate = cls.env.ref("account.account_payment_term_immediate")
        cls.term_45 = cls.env.ref("account.account_payment_term_45days")

    @classmethod
    def make_user(cls, login, groups):
        return new_test_user(cls.env, login, groups=groups, lang="en_US")

    @classmethod
    def set_tier(cls, partner, tier, reason="Investigation result"):
        partner.with_user(cls.controller).write(
            {"kefu_credit_tier": tier, "kefu_credit_tier_reason": reason}
        )

    @classmethod
    def make_invoice(cls, partner, amount, day):
        move = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": day,
                "date": day,
                "invoice_line_ids": [
                    fields.Command.create(
                        {
                            "name": "Steel",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [fields.Command.clear()],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    @classmethod
    def make_order(cls, partner, amount, user=None, term=None):
        vals = {
            "partner_id": partner.id,
            "order_line": [
                fields.Command.create(
                    {
                        "product_id": cls.product.id,
                        "product_uom_qty": 1,
                        "price_unit": amount,
                        "tax_id": [fields.Command.clear()],
                    }
                )
            ],
        }
        if term:
            vals["payment_term_id"] = term.id
        return cls.env["sale.order"].with_user(user or cls.salesman).create(vals)

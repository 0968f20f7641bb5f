from odoo import fields, models


class KefuContractCustodyLog(models.Model):
    """CON-7: every movement of a contract kept in CS custody."""

    _name = "kefu.contract.custody.log"
    _description = "Contract Custody Log"
    _rec_name = "contract_id"
    _order = "date desc, id desc"

    contract_id = fields.Many2one(
        "kefu.contract", required=True, index=True, ondelete="cascade", readonly=True
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    action = fields.Selection(
        [
            ("received", "Received in Custody"),
            ("out", "Taken Out"),
            ("returned", "Returned"),
            ("closed", "Closed"),
        ],
        required=True,
        readonly=True,
    )
    user_id = fields.Many2one("res.users", string="By", required=True, readonly=True)
    retrieval_id = fields.Many2one("kefu.contract.retrieval", readonly=True)
    note = fields.Char(readonly=True)

from odoo import api, fields, models

ROLES = [
    ("finance", "Finance"),
    ("legal", "Legal"),
    ("cs", "Customer Service"),
    ("management", "Management"),
]


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    kefu_contract_role = fields.Selection(
        ROLES,
        string="Contract Review Role",
        help="CON-3 / CRD-9: the Finance role must give its credit opinion before signing; "
        "the ledger shows the review time of each role.",
    )

    @api.model
    def _get_tier_validation_model_names(self):
        return super()._get_tier_validation_model_names() + [
            "kefu.contract",
            "kefu.contract.retrieval",
            "kefu.business.plan",
        ]

from odoo import fields, models
from odoo.exceptions import AccessError


class ResUsers(models.Model):
    _inherit = "res.users"

    # ARC-15: the agent's ability, weighed against his load when customers are
    # allocated (负责客户数量均衡、兼顾业务能力). Set by the CS Manager only.
    kefu_ability = fields.Integer(
        string="Agent Ability",
        default=3,
        help="1 (new) to 5 (most experienced): the allocation assistant gives an agent "
        "customers in proportion to this level (ARC-15).",
    )

    def write(self, vals):
        if "kefu_ability" in vals and not self.env.su:
            raise AccessError(
                self.env._(
                    "The agent's ability is set by the CS Manager in the allocation assistant."
                )
            )
        return super().write(vals)

    def _kefu_set_ability(self, level):
        """ARC-15: the CS Manager rates an agent."""
        if not self.env.user.has_group("kefu_management.group_kefu_manager"):
            raise AccessError(self.env._("Only the CS Manager rates the agents' ability."))
        if not 1 <= level <= 5:
            raise AccessError(self.env._("The ability is a level from 1 to 5."))
        self.sudo().write({"kefu_ability": level})

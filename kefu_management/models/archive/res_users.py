from odoo import api, fields, models
from odoo.exceptions import AccessError


class ResUsers(models.Model):
    _inherit = "res.users"

    # ARC-15: the agent's ability, weighed against his load when customers are
    # allocated (负责客户数量均衡、兼顾业务能力). Set by the CS Manager only.
    kefu_ability = fields.Integer(
        string="Agent Ability",
        default=3,
        copy=False,
        help="1 (new) to 5 (most experienced): the allocation assistant gives an agent "
        "customers in proportion to this level (ARC-15).",
        # Host first: kefu's rating of its agents, not read by other employees.
        groups="kefu_management.group_kefu_agent",
    )

    @api.model_create_multi
    def create(self, vals_list):
        # ARC-15: a new user starts at the default level; only the CS Manager rates.
        default = self._fields["kefu_ability"].default(self)
        if not self.env.su and any(
            vals.get("kefu_ability", default) != default for vals in vals_list
        ):
            self._kefu_refuse_ability()
        return super().create(vals_list)

    def write(self, vals):
        if "kefu_ability" in vals and not self.env.su:
            self._kefu_refuse_ability()
        return super().write(vals)

    def _kefu_refuse_ability(self):
        raise AccessError(
            self.env._("The agent's ability is set by the CS Manager in the allocation assistant.")
        )

    def _kefu_set_ability(self, level):
        """ARC-15: the CS Manager rates an agent."""
        if not self.env.user.has_group("kefu_management.group_kefu_manager"):
            raise AccessError(self.env._("Only the CS Manager rates the agents' ability."))
        if not 1 <= level <= 5:
            raise AccessError(self.env._("The ability is a level from 1 to 5."))
        if self.env.user in self:
            # Integrity: nobody rates himself.
            raise AccessError(self.env._("Only the CS Manager rates the agents' ability."))
        self.sudo().write({"kefu_ability": level})

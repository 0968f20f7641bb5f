from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


def propose_allocation(loads, abilities, count):
    """ARC-15: the agent for each of ``count`` new customers, balancing the number
    of customers against ability: each goes to the agent with the lowest load per
    ability level once he has it ((load + 1) / ability), ties to the lower load,
    then the lower id. ``loads`` and ``abilities`` map agent ids to numbers."""
    loads = dict(loads)
    chosen = []
    for _i in range(count):
        agent = min(loads, key=lambda a: ((loads[a] + 1) / max(abilities[a], 1), loads[a], a))
        loads[agent] += 1
        chosen.append(agent)
    return chosen


class KefuArchiveAllocationWizard(models.TransientModel):
    """ARC-15: the CS Manager's allocation assistant. It proposes agents for the
    archives without one, by the agents' current load and ability; the manager
    adjusts and applies, which allocates through the archive (first contact
    within one working week, ``kefu.archive._schedule_first_contact``)."""

    _name = "kefu.archive.allocation.wizard"
    _description = "Customer Allocation Assistant"

    agent_line_ids = fields.One2many("kefu.archive.allocation.agent", "wizard_id", string="Agents")
    line_ids = fields.One2many("kefu.archive.allocation.line", "wizard_id", string="Proposal")

    def _compute_display_name(self):
        # Issue 18: titled by the model's translated name, never "model,id".
        title = self.env["ir.model"].sudo()._get(self._name).name
        for record in self:
            record.display_name = title

    @api.model
    def _kefu_check_manager(self):
        if not self.env.user.has_group("kefu_management.group_kefu_manager"):
            raise AccessError(self.env._("Only the CS Manager allocates customers to agents."))

    @api.model
    def _kefu_agents(self):
        """The agents who take customers: the CS agents, not their managers."""
        agents = self.env.ref("kefu_management.group_kefu_agent").users
        managers = self.env.ref("kefu_management.group_kefu_manager").users
        return (agents - managers).filtered(lambda u: u.active and not u.share)

    @api.model
    def _kefu_loads(self, agents):
        rows = (
            self.env["kefu.archive"]
            .sudo()
            ._read_group(
                [("agent_id", "in", agents.ids), ("destroyed", "=", False)],
                ["agent_id"],
                ["__count"],
            )
        )
        counts = {agent.id: count for agent, count in rows}
        return {agent.id: counts.get(agent.id, 0) for agent in agents}

    @api.model
    def default_get(self, fields_list):
        self._kefu_check_manager()
        res = super().default_get(fields_list)
        agents = self._kefu_agents().sorted("name")
        loads = self._kefu_loads(agents)
        res["agent_line_ids"] = [
            fields.Command.create(
                {"agent_id": a.id, "ability": a.kefu_ability or 3, "load": loads[a.id]}
            )
            for a in agents
        ]
        archives = self.env["kefu.archive"].search([("agent_id", "=", False)], order="id")
        proposal = (
            propose_allocation(loads, {a.id: a.kefu_ability or 3 for a in agents}, len(archives))
            if agents
            else [False] * len(archives)
        )
        res["line_ids"] = [
            fields.Command.create({"archive_id": archive.id, "agent_id": agent_id})
            for archive, agent_id in zip(archives, proposal, strict=True)
        ]
        return res

    def action_propose(self):
        """Propose again with the abilities and agents as adjusted on the screen."""
        self.ensure_one()
        self._kefu_check_manager()
        agents = self.agent_line_ids.filtered(lambda rec: rec.ability > 0)
        if not agents:
            raise UserError(self.env._("Keep at least one agent to allocate to."))
        loads = {line.agent_id.id: line.load for line in agents}
        abilities = {line.agent_id.id: line.ability for line in agents}
        lines = self.line_ids.sorted("id")
        for line, agent_id in zip(
            lines, propose_allocation(loads, abilities, len(lines)), strict=True
        ):
            line.agent_id = agent_id
        return self._kefu_reopen()

    def _kefu_reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_apply(self):
        """Rate the agents as set, then allocate through the archives."""
        self.ensure_one()
        self._kefu_check_manager()
        for line in self.agent_line_ids:
            if line.ability != line.agent_id.kefu_ability:
                line.agent_id._kefu_set_ability(line.ability)
        for line in self.line_ids.filtered("agent_id"):
            if line.archive_id.agent_id:
                continue  # allocated meanwhile by someone else
            line.archive_id.write({"agent_id": line.agent_id.id})
        return {"type": "ir.actions.act_window_close"}


class KefuArchiveAllocationAgent(models.TransientModel):
    _name = "kefu.archive.allocation.agent"
    _description = "Allocation Assistant: Agent"
    _rec_name = "agent_id"

    wizard_id = fields.Many2one(
        "kefu.archive.allocation.wizard", string="Assistant", required=True, ondelete="cascade"
    )
    agent_id = fields.Many2one("res.users", string="Agent", required=True)
    ability = fields.Integer(string="Ability", help="1 (new) to 5 (most experienced).")
    load = fields.Integer(string="Current Customers", readonly=True)
    proposed_count = fields.Integer(string="Proposed", compute="_compute_proposed_count")

    @api.depends("wizard_id.line_ids.agent_id")
    def _compute_proposed_count(self):
        for line in self:
            line.proposed_count = len(
                line.wizard_id.line_ids.filtered(lambda rec, a=line.agent_id: rec.agent_id == a)
            )


class KefuArchiveAllocationLine(models.TransientModel):
    _name = "kefu.archive.allocation.line"
    _description = "Allocation Assistant: Proposal"
    _rec_name = "archive_id"

    wizard_id = fields.Many2one(
        "kefu.archive.allocation.wizard", string="Assistant", required=True, ondelete="cascade"
    )
    archive_id = fields.Many2one("kefu.archive", string="Archive", required=True)
    partner_id = fields.Many2one(related="archive_id.partner_id", string="Customer")
    agent_id = fields.Many2one("res.users", string="Agent")

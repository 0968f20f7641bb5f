from odoo import api, models
from odoo.exceptions import AccessError

from .kefu_archive import SECRECY_LEVELS

RANKS = {key: rank for rank, (key, _label) in enumerate(SECRECY_LEVELS)}


class KefuArchive(models.Model):
    """The archive form's secrecy buttons (定密, 变更密级, 解密) and the order of the
    levels in grouped views (ARC-11, ARC-12); the change itself is
    ``action_change_secrecy``, through the secrecy wizard."""

    _inherit = "kefu.archive"

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        rows = super().read_group(
            domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy
        )
        groupby = [groupby] if isinstance(groupby, str) else list(groupby or [])
        order = (orderby or "").strip()
        # ARC-11: kanban columns and pivot headers run in level order, not in the
        # alphabetical order of the keys (机密/非密/秘密/绝密), unless another order
        # was asked for.
        if (
            groupby
            and groupby[0] == "secrecy_level"
            and (not order or order.split()[0] == "secrecy_level")
        ):
            rows.sort(
                key=lambda row: RANKS.get(row.get("secrecy_level"), len(RANKS)),
                reverse=order.endswith("desc"),
            )
        return rows

    def action_open_change_secrecy_wizard(self):
        """变更密级: another level or period, with a reason."""
        return self.action_open_secrecy_wizard()

    def action_open_declassify_wizard(self):
        """解密: ends the secrecy early, which only a CS Manager decides (ARC-12);
        ``action_change_secrecy`` checks his clearance for the level."""
        self.ensure_one()
        if not self.env.user.has_group("kefu_management.group_kefu_manager"):
            raise AccessError(
                self.env._(
                    "Only a CS Manager cleared for the archive's level may lower its secrecy "
                    "level or end its secrecy period early."
                )
            )
        action = self.action_open_secrecy_wizard()
        action["name"] = self.env._("Declassify the Archive")
        action["context"] = dict(action["context"], default_secrecy_level="none")
        return action

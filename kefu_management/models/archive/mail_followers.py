from odoo import api, fields, models
from odoo.exceptions import UserError


class MailFollowers(models.Model):
    _inherit = "mail.followers"

    # ARC-10: who follows a classified archive is itself information about it;
    # the record rule kefu_mail_followers_rule_archive filters on this field.
    kefu_visible = fields.Boolean(
        string="Visible to Me", compute="_compute_kefu_visible", search="_search_kefu_visible"
    )

    @api.depends_context("uid")
    def _compute_kefu_visible(self):
        archives = self.filtered(lambda f: f.res_model == "kefu.archive")
        visible = set(
            self.env["kefu.archive"].search([("id", "in", archives.mapped("res_id"))]).ids
        )
        for follower in self:
            follower.kefu_visible = (
                follower.res_model != "kefu.archive" or follower.res_id in visible
            )

    @api.model
    def _search_kefu_visible(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on visible followers."))
        # Record rules are evaluated as superuser: search the archives as the user.
        Archive = self.env["kefu.archive"].with_env(self.env(su=False))
        domain = ["|", ("res_model", "!=", "kefu.archive"), ("res_id", "in", Archive._search([]))]
        return domain if (operator == "=") == value else ["!", *domain]

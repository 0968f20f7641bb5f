"""Issue 18: new users get no kefu right unless they are given one.

Before 18.0.1.2.0 Sales administrators implied the archive borrower's group and
Finance administrators (kefu_credit) the credit group; Odoo's default-user template
is a Sales and Finance administrator, so it carried both and every new user could
borrow archives and manage credit. The implications are gone (security XML); the
template, a ``noupdate`` record of base, loses the two groups here. Existing users
keep what they hold.
"""

from odoo import SUPERUSER_ID, Command, api

GROUPS = (
    "kefu_management.group_kefu_archive_borrower",
    "kefu_credit.group_kefu_credit_control",
)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    template = env.ref("base.default_user", raise_if_not_found=False)
    if not template:
        return
    groups = [env.ref(xmlid, raise_if_not_found=False) for xmlid in GROUPS]
    template.with_context(active_test=False).write(
        {"groups_id": [Command.unlink(group.id) for group in groups if group]}
    )

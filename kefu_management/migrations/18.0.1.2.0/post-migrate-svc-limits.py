"""SVC-2: response limits in the rulebook's units, each with its own time basis.

Before 18.0.1.2.0 the email, consultation, complaint and delivery-time limits were
stored in minutes (``kefu_management.svc_*_minutes``) and one global switch
(``kefu_management.svc_time_basis``, default "working") counted all of them. Now they
are hours (``kefu_management.svc_*_hours``) and each limit has its own basis,
elapsed time by default as the rulebook says. A stored minute value is carried over
as hours; the old global switch is dropped (its "working" was the old default, which
settings forms stored on every save, so it is no sign of a choice). Deadlines
already stored on open tickets are not recomputed: they keep what they promised.
"""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)

RENAMED = ("email", "consultation", "complaint", "delivery")


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    ICP = env["ir.config_parameter"]
    for name in RENAMED:
        old_key = f"kefu_management.svc_{name}_minutes"
        raw = ICP.get_param(old_key)
        if raw:
            try:
                hours = float(raw) / 60.0
            except ValueError:
                hours = None
            if hours and not ICP.get_param(f"kefu_management.svc_{name}_hours"):
                ICP.set_param(f"kefu_management.svc_{name}_hours", f"{hours:g}")
        ICP.search([("key", "=", old_key)]).unlink()
        # Enquiry types and channels that point at the renamed setting; writing the
        # link does not recompute the deadlines of open tickets.
        for model in ("kefu.enquiry.type", "helpdesk.ticket.channel"):
            records = (
                env[model]
                .with_context(active_test=False)
                .search([("kefu_limit_setting", "=", f"kefu_svc_{name}_minutes")])
            )
            records.write({"kefu_limit_setting": f"kefu_svc_{name}_hours"})
    basis = ICP.search([("key", "=", "kefu_management.svc_time_basis")])
    if basis:
        _logger.info(
            "SVC-2: the global time basis %r is replaced by one basis per response limit "
            "(elapsed time by default).",
            basis.value,
        )
        basis.unlink()

"""CMP-1: the complaint promise mail shows the promised time in the customer's time
zone (else the working calendar's), no longer always in the calendar's.

The template is ``noupdate``: an update does not reload it. Its body, in every
language, gets the new time-zone expression where it still holds the old one; a
body an administrator rewrote otherwise is left as it is.
"""

import json

from odoo import SUPERUSER_ID, api

OLD = "tz=object.company_id.resource_calendar_id.tz, dt_format"
NEW = "tz=object.partner_id.tz or object.company_id.resource_calendar_id.tz, dt_format"


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    template = env.ref(
        "kefu_management.mail_template_kefu_complaint_accepted", raise_if_not_found=False
    )
    if not template:
        return
    cr.execute("SELECT body_html FROM mail_template WHERE id = %s", [template.id])
    bodies = cr.fetchone()[0] or {}
    changed = {lang: body.replace(OLD, NEW) for lang, body in bodies.items() if body}
    if changed != bodies:
        cr.execute(
            "UPDATE mail_template SET body_html = %s::jsonb WHERE id = %s",
            [json.dumps(changed), template.id],
        )
        template.invalidate_recordset(["body_html"])

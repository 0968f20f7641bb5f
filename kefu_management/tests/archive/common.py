from datetime import date, timedelta

from odoo import fields
from odoo.tests import new_test_user

from ..common import KefuCase

LEVELS = ("none", "secret", "confidential", "top_secret")


class KefuArchiveCase(KefuCase):
    """One archive per secrecy level, one user per role, and a borrowing manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales_manager = new_test_user(
            cls.env,
            "t_sales_manager",
            groups="sales_team.group_sale_manager,kefu_management.group_kefu_archive_borrower",
        )
        cls.salesman = new_test_user(cls.env, "t_salesman", groups="sales_team.group_sale_salesman")
        # Export is a path to test: everyone may use it, the rules must still hold.
        export = cls.env.ref("base.group_allow_export")
        for user in (
            cls.agent,
            cls.leader,
            cls.manager,
            cls.supervisor,
            cls.general_manager,
            cls.employee,
            cls.sales_manager,
            cls.salesman,
        ):
            user.groups_id = [(4, export.id)]
        cls.Archive = cls.env["kefu.archive"]
        cls.archives = {}
        today = date.today()
        for level in LEVELS:
            partner = cls.env["res.partner"].create(
                {"name": f"Matrix {level} Co.", "is_company": True}
            )
            vals = {"partner_id": partner.id, "org_structure": f"structure {level}"}
            if level != "none":
                vals.update(
                    secrecy_level=level,
                    classified_on=today - timedelta(days=10),
                    secrecy_end=today + timedelta(days=365),
                )
            archive = cls.Archive.create(vals)
            archive.message_post(body=f"note on {level}", message_type="comment")  # pylint: disable=translation-required
            cls.env["ir.attachment"].create(
                {
                    "name": f"{level}.txt",
                    "raw": b"secret content",
                    "res_model": "kefu.archive",
                    "res_id": archive.id,
                }
            )
            archive.activity_schedule(
                "mail.mail_activity_data_todo", user_id=cls.env.uid, summary=f"todo {level}"
            )
            archive.message_subscribe(partner_ids=cls.env.user.partner_id.ids)
            cls.archives[level] = archive

    @classmethod
    def grant_card(cls, archive, borrower=None, due=None):
        """Take a card through the real approval flow and grant it."""
        borrower = borrower or cls.sales_manager
        card = (
            cls.env["kefu.archive.borrow"]
            .with_user(borrower)
            .create(
                {
                    "partner_id": archive.partner_id.id,
                    "approver_id": cls.general_manager.id,
                    "purpose": "Negotiation",
                    "date_due": due or fields.Datetime.now() + timedelta(days=2),
                }
            )
        )
        card.request_validation()
        card.with_user(cls.general_manager).validate_tier()
        card.with_user(cls.manager).validate_tier()
        card.with_user(cls.manager).action_grant()
        return card

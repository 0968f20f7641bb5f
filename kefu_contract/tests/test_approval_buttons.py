from lxml import etree

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestApprovalButtons(TransactionCase):
    """Issue 18: a document with its own submit button (which checks the document
    before requesting the validation) shows that one button, not also tier
    validation's "Request Validation"; the borrowing card, which has no own submit
    button, keeps tier validation's."""

    def header_buttons(self, model):
        views = self.env[model].get_views([(False, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        return {b.get("name") for b in arch.xpath("//header//button")}

    def test_own_submit_button_replaces_request_validation(self):
        for model, own in (
            ("kefu.contract", "action_submit"),
            ("kefu.credit.investigation", "action_request_approval"),
            ("kefu.credit.overlimit.approval", "action_request"),
        ):
            buttons = self.header_buttons(model)
            self.assertIn(own, buttons, model)
            self.assertNotIn("request_validation", buttons, model)
            # The rest of tier validation's header stays.
            self.assertIn("restart_validation", buttons, model)

    def test_borrowing_card_keeps_request_validation(self):
        self.assertIn("request_validation", self.header_buttons("kefu.archive.borrow"))

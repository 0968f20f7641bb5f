from odoo import api, fields, models


class KefuEnquiryType(models.Model):
    """What a customer contacts us about (SVC-2); admins can add types."""

    _name = "kefu.enquiry.type"
    _inherit = ["kefu.response.limit.mixin"]
    _description = "Enquiry Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_complaint = fields.Boolean(
        string="Complaint", help="Tickets of this type follow the complaint closed loop."
    )
    description = fields.Text()
    # SVC-2: who takes enquiries of this type beyond the agent.
    kefu_route = fields.Selection(
        [
            ("franchise", "Franchise specialist calls back"),
            ("wholesale", "Large leads go to the superior"),
        ],
        string="Routing",
        help="Franchise: the franchise specialist (Settings) is notified and calls the "
        "customer back within the franchise limit. Wholesale: a lead whose estimated "
        "order amount reaches the large-lead amount (Settings) goes to the superior at "
        "once.",
    )

    @api.model
    def _kefu_link_route(self, type_id, route):
        """Data hook: give an enquiry type its routing once (noupdate records)."""
        enquiry_type = self.browse(type_id).exists()
        if enquiry_type and not enquiry_type.kefu_route:
            enquiry_type.kefu_route = route

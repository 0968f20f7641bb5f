from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    """Service-desk numbers of the rulebook (SVC-2), in minutes."""

    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    # SVC-2: response limits to the first reply to the customer.
    kefu_svc_email_minutes = fields.Integer(
        string="Email Response Limit (minutes)",
        config_parameter="kefu_management.svc_email_minutes",
        default=24 * 60,
        kefu_range=(1, 43200),
    )
    kefu_svc_consultation_minutes = fields.Integer(
        string="Consultation Response Limit (minutes)",
        config_parameter="kefu_management.svc_consultation_minutes",
        default=24 * 60,
        kefu_range=(1, 43200),
    )
    kefu_svc_complaint_minutes = fields.Integer(
        string="Complaint Response Limit (minutes)",
        config_parameter="kefu_management.svc_complaint_minutes",
        default=24 * 60,
        kefu_range=(1, 43200),
    )
    kefu_svc_delivery_minutes = fields.Integer(
        string="Delivery-Time Enquiry Response Limit (minutes)",
        config_parameter="kefu_management.svc_delivery_minutes",
        default=2 * 60,
        kefu_range=(1, 43200),
    )
    kefu_svc_shipping_doc_minutes = fields.Integer(
        string="Shipping-Document Enquiry Response Limit (minutes)",
        config_parameter="kefu_management.svc_shipping_doc_minutes",
        default=5,
        kefu_range=(1, 43200),
    )
    kefu_svc_franchise_minutes = fields.Integer(
        string="Franchise Enquiry Callback Limit (minutes)",
        config_parameter="kefu_management.svc_franchise_minutes",
        default=30,
        kefu_range=(1, 43200),
    )
    # SVC-2: how long before a breach the responsible user is warned.
    kefu_svc_warn_minutes = fields.Integer(
        string="Warn Before Breach (minutes)",
        config_parameter="kefu_management.svc_warn_minutes",
        default=30,
        kefu_range=(1, 1440),
    )
    kefu_svc_time_basis = fields.Selection(
        [("working", "Working time"), ("clock", "Clock time")],
        string="Count Response Limits In",
        config_parameter="kefu_management.svc_time_basis",
        default="working",
    )

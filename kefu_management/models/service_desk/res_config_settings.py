from odoo import fields, models

# SVC-2: "elapsed" (clock) or "working" time; the rulebook's hours are elapsed hours.
TIME_BASIS = [("clock", "Elapsed time"), ("working", "Working time")]

# SVC-2: each response limit, in the rulebook's unit, with its own time basis:
# setting -> (minutes per unit, setting of its time basis).
RESPONSE_LIMITS = {
    "kefu_svc_email_hours": (60, "kefu_svc_email_basis"),
    "kefu_svc_consultation_hours": (60, "kefu_svc_consultation_basis"),
    "kefu_svc_complaint_hours": (60, "kefu_svc_complaint_basis"),
    "kefu_svc_delivery_hours": (60, "kefu_svc_delivery_basis"),
    "kefu_svc_shipping_doc_minutes": (1, "kefu_svc_shipping_doc_basis"),
    "kefu_svc_franchise_minutes": (1, "kefu_svc_franchise_basis"),
}


def _basis(label, name):
    return fields.Selection(
        TIME_BASIS,
        string=label,
        config_parameter=f"kefu_management.svc_{name}_basis",
        default="clock",
        help="Elapsed time counts every hour (the rulebook's hours); working time counts "
        "only the company calendar's working hours, without public holidays.",
    )


class ResConfigSettings(models.TransientModel):
    """Service-desk numbers of the rulebook (SVC-2), in the rulebook's units."""

    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    # SVC-2: response limits to the first reply to the customer.
    kefu_svc_email_hours = fields.Float(
        string="Email Response Limit (hours)",
        config_parameter="kefu_management.svc_email_hours",
        default=24.0,
        kefu_range=(0.1, 720),
    )
    kefu_svc_email_basis = _basis("Count the Email Limit In", "email")
    kefu_svc_consultation_hours = fields.Float(
        string="Consultation Response Limit (hours)",
        config_parameter="kefu_management.svc_consultation_hours",
        default=24.0,
        kefu_range=(0.1, 720),
    )
    kefu_svc_consultation_basis = _basis("Count the Consultation Limit In", "consultation")
    kefu_svc_complaint_hours = fields.Float(
        string="Complaint Response Limit (hours)",
        config_parameter="kefu_management.svc_complaint_hours",
        default=24.0,
        kefu_range=(0.1, 720),
    )
    kefu_svc_complaint_basis = _basis("Count the Complaint Limit In", "complaint")
    kefu_svc_delivery_hours = fields.Float(
        string="Delivery-Time Enquiry Response Limit (hours)",
        config_parameter="kefu_management.svc_delivery_hours",
        default=2.0,
        kefu_range=(0.1, 720),
    )
    kefu_svc_delivery_basis = _basis("Count the Delivery-Time Limit In", "delivery")
    kefu_svc_shipping_doc_minutes = fields.Integer(
        string="Shipping-Document Enquiry Response Limit (minutes)",
        config_parameter="kefu_management.svc_shipping_doc_minutes",
        default=5,
        kefu_range=(1, 43200),
    )
    kefu_svc_shipping_doc_basis = _basis("Count the Shipping-Document Limit In", "shipping_doc")
    kefu_svc_franchise_minutes = fields.Integer(
        string="Franchise Enquiry Callback Limit (minutes)",
        config_parameter="kefu_management.svc_franchise_minutes",
        default=30,
        kefu_range=(1, 43200),
    )
    kefu_svc_franchise_basis = _basis("Count the Franchise Limit In", "franchise")
    # SVC-2: who calls a franchise enquirer back (empty: a Customer Service Manager).
    kefu_svc_franchise_user_id = fields.Many2one(
        "res.users",
        string="Franchise Specialist",
        config_parameter="kefu_management.svc_franchise_user_id",
        domain="[('share', '=', False)]",
        help="Calls every franchise enquirer back within the franchise limit and is "
        "notified at once. Empty: the Customer Service Manager with the fewest open "
        "routed enquiries.",
    )
    # SVC-2: a wholesale lead from this amount is large and goes to the superior (the
    # rulebook names no amount: 100,000 is kefu's default).
    kefu_svc_wholesale_amount = fields.Float(
        string="Large Wholesale Lead From (amount)",
        config_parameter="kefu_management.svc_wholesale_amount",
        default=100000.0,
        kefu_range=(1, 1_000_000_000),
        help="A wholesale lead whose estimated order amount reaches this value is "
        "reported to the superior at once. The rulebook names no amount: 100,000 is "
        "kefu's default.",
    )
    kefu_svc_wholesale_user_id = fields.Many2one(
        "res.users",
        string="Superior for Large Wholesale Leads",
        config_parameter="kefu_management.svc_wholesale_user_id",
        domain="[('share', '=', False)]",
        help="Gets every large wholesale lead at once (e.g. the regional manager). "
        "Empty: the Customer Service Manager with the fewest open routed enquiries.",
    )
    # SVC-2: how long before a breach the responsible user is warned.
    kefu_svc_warn_minutes = fields.Integer(
        string="Warn Before Breach (minutes)",
        config_parameter="kefu_management.svc_warn_minutes",
        default=30,
        kefu_range=(1, 1440),
    )

# Copyright 2026 kefu
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service: Credit Control",
    "summary": "客户信用管理: credit tiers A-D, limits enforced in sales, "
    "investigations, emergency reports, suspension of supply",
    "version": "18.0.1.2.0",
    "category": "Sales/Sales",
    "license": "LGPL-3",
    "author": "kefu",
    "website": "https://example.com/kefu",
    "depends": [
        "kefu_management",
        "sale",
        "stock",
        "sale_financial_risk",
        "base_tier_validation",
        "report_xlsx",
    ],
    "data": [
        "security/kefu_credit_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/kefu_credit_policy_data.xml",
        "data/kefu_credit_measure_data.xml",
        "data/tier_definition_data.xml",
        "data/ir_cron_data.xml",
        "report/kefu_credit_reports.xml",
        "views/kefu_credit_policy_views.xml",
        "views/kefu_credit_measure_views.xml",
        "views/kefu_credit_overlimit_approval_views.xml",
        "views/kefu_credit_investigation_views.xml",
        "views/kefu_credit_emergency_report_views.xml",
        "views/res_partner_views.xml",
        "views/sale_order_views.xml",
        "views/stock_picking_views.xml",
        "views/crm_lead_views.xml",
        "views/res_config_settings_views.xml",
        "views/kefu_credit_menus.xml",
    ],
    "demo": [
        "demo/kefu_credit_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["kefu_credit/static/tests/tours/*.js"],
    },
    "installable": True,
}

# Copyright 2026 kefu
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service: Sales Contracts",
    "summary": "销售合同管理: contract review within working-day deadlines, phone "
    "approvals, custody and retrieval, delivery supervision, ledger",
    "version": "18.0.1.3.0",
    "category": "Sales/Sales",
    "license": "LGPL-3",
    "author": "kefu",
    "website": "https://example.com/kefu",
    "depends": [
        "kefu_management",
        "kefu_credit",
        "sale_stock",
        "base_tier_validation",
        "report_xlsx",
    ],
    "data": [
        "security/kefu_contract_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/tier_definition_data.xml",
        "data/ir_cron_data.xml",
        "report/kefu_contract_reports.xml",
        "views/kefu_contract_views.xml",
        "views/kefu_business_plan_views.xml",
        "views/kefu_contract_retrieval_views.xml",
        "views/kefu_contract_phone_approval_views.xml",
        "views/kefu_contract_custody_log_views.xml",
        "views/res_config_settings_views.xml",
        "views/sale_order_views.xml",
        "views/kefu_contract_kpi_views.xml",
        "views/kefu_contract_menus.xml",
    ],
    "demo": [
        "demo/kefu_contract_flows.xml",
        "demo/kefu_business_plan_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["kefu_contract/static/tests/tours/*.js"],
    },
    "installable": True,
}

# Copyright 2026 kefu
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service Department",
    "summary": "客服部: access groups, settings, working time with holidays and "
    "make-up days, and the department's shared base",
    "version": "18.0.1.0.0",
    "category": "Services/Helpdesk",
    "license": "LGPL-3",
    "author": "kefu",
    "website": "https://example.com/kefu",
    "depends": [
        "crm",
        "resource",
        "mail",
        "helpdesk_mgmt",
        "report_xlsx",
        "base_tier_validation",
    ],
    "external_dependencies": {"python": ["xlsxwriter", "openpyxl"]},
    "data": [
        "security/kefu_management_security.xml",
        "security/ir.model.access.csv",
        "views/kefu_makeup_day_views.xml",
        "views/resource_calendar_leaves_views.xml",
        "wizards/kefu_holiday_import_views.xml",
        "views/res_config_settings_views.xml",
        "views/kefu_management_menus.xml",
    ],
    "demo": [
        "demo/kefu_management_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["kefu_management/static/tests/tours/*.js"],
    },
    "installable": True,
    "application": True,
}

# Copyright 2026 kefu
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service: Sales Contracts",
    "summary": "销售合同管理: contract review within working-day deadlines, phone "
    "approvals, custody and retrieval, delivery supervision, ledger",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "license": "LGPL-3",
    "author": "kefu",
    "website": "https://example.com/kefu",
    "depends": ["kefu_management", "kefu_credit"],
    "data": [],
    "installable": True,
}

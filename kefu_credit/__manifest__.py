# Copyright 2026 kefu
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service: Credit Control",
    "summary": "客户信用管理: credit tiers A-D, limits enforced in sales, "
    "investigations, emergency reports, suspension of supply",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "license": "LGPL-3",
    "author": "kefu",
    "website": "https://example.com/kefu",
    "depends": ["kefu_management", "sale"],
    "data": [],
    "installable": True,
}

"""helpdesk_mgmt's customer portal search bar (/my/tickets) in kefu's languages.

helpdesk_mgmt builds its search bar labels with ``_()`` in its own controller, and
Odoo 18 reads a module's code terms only from that module's own i18n/i18n_extra
folders (``odoo.tools.translate.get_po_paths``): helpdesk_mgmt ships no zh_CN and
no kefu po file can carry its code terms. kefu therefore re-labels the entries
after helpdesk_mgmt built them, with kefu's own terms, and only where kefu
translates the reader's language: keys, domains, orders and the order of the
entries stay helpdesk_mgmt's, and a reader of another language keeps
helpdesk_mgmt's own translation.
"""

from odoo import http
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk


def _kefu_labels(env):
    """kefu's terms for helpdesk_mgmt's search bar, per dropdown and key (the same
    English words as helpdesk_mgmt's), translated in ``env``'s language."""
    return {
        "searchbar_sortings": {
            "date": env._("Newest"),
            "name": env._("Title"),
            "stage": env._("Stage"),
            "update": env._("Last Stage Update"),
        },
        "searchbar_filters": {"all": env._("All")},
        "searchbar_groupby": {
            "none": env._("None"),
            "category": env._("Category"),
            "stage": env._("Stage"),
        },
        "searchbar_inputs": {
            "all": env._("Search in All"),
            "number": env._("Search in Number"),
            "name": env._("Search in Title"),
        },
    }


def _relabel(dropdown, entries):
    """Give ``entries`` (one dropdown, key -> {"label": ...}) kefu's labels where
    kefu translates the reader's language; change nothing else."""
    translated = _kefu_labels(request.env)[dropdown]
    english = _kefu_labels(request.env(context=dict(request.env.context, lang="en_US")))[dropdown]
    for key, entry in entries.items():
        if key in translated and translated[key] != english[key]:
            entry["label"] = translated[key]
    return entries


class KefuCustomerPortalHelpdesk(CustomerPortalHelpdesk):
    @http.route()
    def portal_my_tickets(self, *args, **kwargs):
        response = super().portal_my_tickets(*args, **kwargs)
        # helpdesk_mgmt builds its "All" filter inside the route: re-label it in the
        # values the page is rendered from (a redirect has none).
        filters = getattr(response, "qcontext", {}).get("searchbar_filters")
        if filters:
            _relabel("searchbar_filters", filters)
        return response

    def _ticket_get_searchbar_sortings(self):
        return _relabel("searchbar_sortings", super()._ticket_get_searchbar_sortings())

    def _ticket_get_searchbar_groupby(self):
        return _relabel("searchbar_groupby", super()._ticket_get_searchbar_groupby())

    def _ticket_get_searchbar_inputs(self):
        return _relabel("searchbar_inputs", super()._ticket_get_searchbar_inputs())

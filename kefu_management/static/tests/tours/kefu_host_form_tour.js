/** @odoo-module **/
// Issue 13 (host first): a user outside the customer-service department opens a
// core or OCA form that kefu extends; the form renders with its sheet and no
// error dialog (an access error on a kefu field would stop the whole form).
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("kefu_host_form_tour", {
    steps: () => [
        {
            content: "The form renders its sheet",
            trigger: ".o_form_view .o_form_sheet .o_field_widget",
        },
        {
            content: "No error dialog",
            trigger: "body:not(:has(.o_error_dialog, .o_dialog .modal-title:contains(Error)))",
        },
    ],
});

registry.category("web_tour.tours").add("kefu_host_portal_tour", {
    steps: () => [
        {
            content: "The portal page shows the document",
            trigger: "#wrap .o_portal_wrap, #wrap .o_portal_sidebar, #wrap .card",
        },
    ],
});

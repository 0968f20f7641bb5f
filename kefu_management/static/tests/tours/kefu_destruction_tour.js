/** @odoo-module **/
// Issue 18 (ARC-9): each member of the demo staff opens the destruction request
// and signs his own tier; the General Manager then destroys the archive.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("kefu_destruction_sign_tour", {
    steps: () => [
        {
            content: "Sign my tier",
            trigger: ".o_form_view button[name=validate_tier]",
            run: "click",
        },
        {
            content: "Signed: no more Validate button for me",
            trigger: ".o_form_view:not(:has(button[name=validate_tier]))",
        },
    ],
});

registry.category("web_tour.tours").add("kefu_destruction_waits_tour", {
    steps: () => [
        {
            content: "The request waits for another tier: no Validate button for me",
            trigger:
                ".o_form_view .alert-warning:has(.fa-info-circle):not(:has(button[name=validate_tier]))",
        },
    ],
});

registry.category("web_tour.tours").add("kefu_destruction_destroy_tour", {
    steps: () => [
        {
            content: "Validated: destroy",
            trigger: ".o_form_view button[name=action_destroy]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Destroyed",
            trigger: ".o_form_view:not(:has(button[name=action_destroy]))",
        },
    ],
});

/** @odoo-module **/
// CRD-3: an order over the customer's credit limit is stopped and reported by
// the salesman for an over-limit approval.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("kefu_credit_overlimit_tour", {
    steps: () => [
        {
            content: "The quotation shows the customer's credit tier",
            trigger: ".o_form_view .o_field_widget[name=kefu_credit_tier]",
        },
        {
            content: "Try to confirm the quotation",
            trigger: ".o_form_view button[name=action_confirm]:not(.btn-primary)",
            run: "click",
        },
        {
            content: "Confirmation is stopped: over the credit limit",
            trigger: ".modal .modal-body:contains(Ningbo Harbour Logistics)",
        },
        {
            content: "Close the message",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Request an over-limit approval",
            trigger: ".o_form_view button[name=action_kefu_request_overlimit]",
            run: "click",
        },
        {
            content: "The amount over the limit is proposed",
            trigger: ".o_form_view .o_field_widget[name=amount] input",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=reason] textarea",
            run: "edit Year-end project order, customer pays within 30 days",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Report it for approval",
            trigger: ".o_form_view button[name=action_request]",
            run: "click",
        },
        {
            content: "Reported: waiting for the approver",
            trigger:
                ".o_form_view:not(:has(button[name=action_request])) .o_statusbar_status button.o_arrow_button_current[data-value=draft]",
        },
    ],
});

// CRD-3: once the Marketing Manager approved (never the requester himself), the
// salesman confirms the quotation.
registry.category("web_tour.tours").add("kefu_credit_overlimit_confirm_tour", {
    steps: () => [
        {
            content: "Confirm the quotation",
            trigger: ".o_form_view button[name=action_confirm]:not(.btn-primary)",
            run: "click",
        },
        {
            content: "The order is confirmed",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value=sale]",
        },
    ],
});

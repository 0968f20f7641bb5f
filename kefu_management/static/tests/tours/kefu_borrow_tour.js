/** @odoo-module **/
// ARC-10: a manager requests a borrowing card, the CS Manager grants it after
// the department manager's signature, and the borrower opens the archive.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("kefu_borrow_request_tour", {
    url: "/odoo/action-kefu_management.kefu_archive_borrow_action",
    steps: () => [
        {trigger: ".o_list_button_add", run: "click"},
        {
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Borrow Tour Co.",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Borrow Tour Co.)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=approver_id] input",
            run: "edit Tour Approver",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Approver)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=date_due] input",
            run: "edit 2030-06-30 18:00:00",
        },
        {
            trigger: ".o_field_widget[name=purpose] textarea",
            run: "edit Prepare the renewal negotiation",
        },
        {trigger: ".o_form_button_save", run: "click"},
        {
            content: "Ask for the signatures",
            trigger: "button[name=request_validation]",
            run: "click",
        },
        {
            // Tier validation's "to validate" banner, whatever the user's language.
            content: "The card now waits for its reviewers",
            trigger: ".o_form_view .alert-warning:has(.fa-info-circle)",
        },
    ],
});

registry.category("web_tour.tours").add("kefu_borrow_grant_tour", {
    url: "/odoo/action-kefu_management.kefu_archive_borrow_action",
    steps: () => [
        {
            trigger: ".o_data_row td:contains(Borrow Tour Co.)",
            run: "click",
        },
        {
            content: "The CS department signs: its signature grants the card",
            trigger: "button[name=validate_tier]",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value=granted]",
        },
    ],
});

registry.category("web_tour.tours").add("kefu_borrow_open_tour", {
    url: "/odoo/action-kefu_management.kefu_archive_borrow_action",
    steps: () => [
        {
            trigger: ".o_data_row td:contains(Borrow Tour Co.)",
            run: "click",
        },
        {
            trigger: "button[name=action_open_archive]",
            run: "click",
        },
        {
            content: "The borrower reads the archive",
            trigger: ".o_field_widget[name=org_structure]:contains(Board of five)",
        },
    ],
});

// Issue 18, point 6 (ARC-10): the card before and after its due time.
registry.category("web_tour.tours").add("kefu_borrow_card_open_tour", {
    steps: () => [
        {
            content: "Before the due time the borrower may open the archive",
            trigger: ".o_form_view:not(:has(.o_widget_web_ribbon)) button[name=action_open_archive]",
        },
    ],
});

registry.category("web_tour.tours").add("kefu_borrow_card_expired_tour", {
    steps: () => [
        {
            content: "After the due time: expired ribbon and explanation, no Open button",
            trigger:
                ".o_form_view:has(.o_widget_web_ribbon):has(.alert-danger):not(:has(button[name=action_open_archive]))",
        },
    ],
});

registry.category("web_tour.tours").add("kefu_borrow_archive_closed_tour", {
    steps: () => [
        {
            content: "The archive is closed with a message naming the expired card",
            trigger: ".modal:contains(借阅卡)",
        },
    ],
});

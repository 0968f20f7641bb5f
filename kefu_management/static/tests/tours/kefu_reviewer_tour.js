/** @odoo-module **/
// Issue 18 point 5: a reviewer is told. From his activities (systray) he opens the
// request, reads his working-day deadline in the approval banner (截止：…),
// validates, and his review activity is gone.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("kefu_reviewer_tour", {
    steps: () => [
        {
            content: "Open my activities",
            trigger: ".o_menu_systray i[aria-label='Activities']",
            run: "click",
        },
        {
            content: "The destruction requests waiting for me, upcoming included",
            trigger:
                ".o-mail-ActivityGroup[data-model_name='kefu.archive.destruction'] span.btn-link:last",
            run: "click",
        },
        {
            content: "Open the request",
            trigger: ".o_data_row .o_data_cell[name=name], .o_kanban_record:not(.o_kanban_ghost)",
            run: "click",
        },
        {
            content: "The approval banner asks me to validate",
            trigger: ".o_form_view .alert-warning button[name=validate_tier]",
        },
        {
            content: "The approval banner shows my deadline",
            trigger: ".o_form_view .alert-warning:contains('截止：')",
        },
        {
            content: "The deadline itself",
            trigger:
                ".o_form_view .alert-warning .o_field_widget[name=kefu_review_deadline] span:not(:empty)",
        },
        {
            content: "My review activity is in the chatter",
            trigger:
                ".o-mail-Chatter .o-mail-Activity:contains('审核：'):has(.o-mail-Activity-user:contains('巡检主管'))",
        },
        {
            content: "Validate",
            trigger: ".o_form_view button[name=validate_tier]",
            run: "click",
        },
        {
            content: "Signed: no Validate button for me any more",
            trigger: ".o_form_view:not(:has(button[name=validate_tier]))",
        },
        {
            content: "My review activity is gone (the next tier's reviewer has his own)",
            trigger:
                ".o-mail-Chatter:not(:has(.o-mail-Activity-user:contains('巡检主管')))",
        },
    ],
});

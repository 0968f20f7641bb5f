/** @odoo-module **/
// CMP-3/CMP-4: the head of the department a complaint was passed to, no kefu
// member, opens it, reads the complaint tab and gives his department's result.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("kefu_complaint_handler_tour", {
    steps: () => [
        {
            content: "The complaint tab is shown",
            trigger: ".o_notebook .nav-link[name=kefu_complaint]",
            run: "click",
        },
        {
            content: "The agreed solutions are readable",
            trigger: ".o_field_widget[name=kefu_solution_options]:contains(Replace the parts)",
        },
        {
            content: "Give the department's result",
            trigger: ".o_form_view button[name=action_kefu_open_department_result]",
            run: "click",
        },
        {
            content: "Fill the result",
            trigger: ".modal .o_field_widget[name=result] textarea",
            run: "edit Frame replaced under warranty",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name=action_apply]",
            run: "click",
        },
        {
            content: "The result is on the complaint",
            trigger:
                "body:not(:has(.modal)) .o_field_widget[name=kefu_complaint_result]:contains(Frame replaced under warranty)",
        },
        {
            content: "No error dialog",
            trigger: "body:not(:has(.o_error_dialog))",
        },
    ],
});

/** @odoo-module **/
// An agent accepts a complaint, judges it, gives the result back, records the
// callback and closes it (CMP-1 ... CMP-5).
import {registry} from "@web/core/registry";

function fill(name, value, tag = "textarea") {
    return {
        content: `Fill ${name}`,
        trigger: `.o_field_widget[name=${name}] ${tag}`,
        run: `edit ${value}`,
    };
}

function press(name) {
    return {
        content: `Click ${name}`,
        trigger: `.o_form_view button[name=${name}]`,
        run: "click",
    };
}

function openComplaintTab() {
    return {
        content: "Open the complaint tab",
        trigger: ".o_notebook .nav-link[name=kefu_complaint]",
        run: "click",
    };
}

// Language-neutral: the administrator may work in Chinese.
function pickFirst(name) {
    return [
        {
            content: `Open ${name}`,
            trigger: `.o_field_widget[name=${name}] input`,
            run: "click",
        },
        {
            content: `Pick the first ${name}`,
            trigger: `.o_field_widget[name=${name}] .o-autocomplete--dropdown-item:first-child a`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("kefu_complaint_tour", {
    steps: () => [
        {
            content: "The complaint form is open",
            trigger: ".o_form_view button[name=action_kefu_accept_complaint]",
        },
        openComplaintTab(),
        fill("kefu_solution_options", "Replace the table or refund it"),
        fill("kefu_promised_date", "2030-01-15 10:00:00", "input"),
        press("action_kefu_accept_complaint"),
        {
            content: "Accepted: the judgement comes next",
            trigger: ".o_form_view button[name=action_kefu_judge_complaint]",
        },
        openComplaintTab(),
        {
            trigger: ".o_field_widget[name=kefu_justified] select",
            run: 'select "yes"',
        },
        {
            trigger: ".o_field_widget[name=kefu_demand_reasonable] select",
            run: 'select "yes"',
        },
        ...pickFirst("kefu_complaint_category_id"),
        press("action_kefu_judge_complaint"),
        {
            content: "Judged: the result can be given",
            trigger: ".o_form_view button[name=action_kefu_send_result]",
        },
        openComplaintTab(),
        fill("kefu_complaint_result", "A new table is delivered on Friday"),
        press("action_kefu_send_result"),
        {
            content: "Result given: the callback comes next",
            trigger: ".o_form_view button[name=action_kefu_callback_done]",
        },
        openComplaintTab(),
        fill("kefu_callback_outcome", "The customer is satisfied"),
        press("action_kefu_callback_done"),
        press("action_kefu_archive_complaint"),
        {
            content: "Closed: no step is left",
            trigger:
                ".o_form_view:not(:has(button[name=action_kefu_archive_complaint]))",
        },
        openComplaintTab(),
        {
            content: "The complaint is archived",
            trigger: ".o_field_widget[name=kefu_archived_date]",
        },
    ],
});

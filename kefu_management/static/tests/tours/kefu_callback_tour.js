/** @odoo-module **/
// An agent makes a callback: starts the call, answers the callback form
// (回访登记表, CBK-1), records the outcome and closes it; the feedback for the
// store is then waiting to be sent (CBK-2).
import {registry} from "@web/core/registry";

function answerSteps(count) {
    const steps = [];
    for (let i = 0; i < count; i++) {
        steps.push(
            {
                content: `Open question ${i + 1}`,
                trigger: `.o_field_widget[name=answer_ids] .o_data_row:eq(${i}) td.o_data_cell[name=answer]`,
                run: "click",
            },
            {
                content: `Answer yes to question ${i + 1}`,
                trigger: `.o_field_widget[name=answer_ids] .o_data_row:eq(${i}).o_selected_row input.o_radio_input[data-value=yes]`,
                run: "click",
            }
        );
    }
    return steps;
}

registry.category("web_tour.tours").add("kefu_callback_tour", {
    steps: () => [
        {
            content: "Start the call",
            trigger: ".o_form_view button[name=action_start]",
            run: "click",
        },
        {
            content: "The call is running",
            trigger: ".o_form_view .o_field_widget[name=date_start] input:value(/\\d/)",
        },
        ...answerSteps(9),
        {
            content: "Record the outcome",
            trigger: ".o_field_widget[name=outcome] textarea",
            run: "edit The customer is satisfied with the installation.",
        },
        {
            content: "Close the callback",
            trigger:
                ".o_form_view .o_statusbar_buttons button[name=action_done]:visible",
            run: "click",
        },
        {
            content: "The feedback for the store is waiting to be sent",
            trigger:
                ".o_form_view .o_statusbar_buttons button[name=action_send_feedback]",
        },
    ],
});

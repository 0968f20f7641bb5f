/** @odoo-module **/
// A CS Manager declares a make-up working day (调休) from the 客服部 menu.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("kefu_makeup_day_tour", {
    url: "/odoo/action-kefu_management.kefu_makeup_day_action",
    steps: () => [
        {
            content: "The list opens under the Customer Service app",
            trigger: ".o_list_view",
        },
        {
            content: "Add a make-up day",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=date] input",
            run: "edit 2027-02-14",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=name] input",
            run: "edit Spring Festival make-up day",
        },
        {
            content: "Save",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "The make-up day is listed",
            trigger:
                ".o_data_row:not(.o_selected_row) td:contains(Spring Festival make-up day)",
        },
    ],
});

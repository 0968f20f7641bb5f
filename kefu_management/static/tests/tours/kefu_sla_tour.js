/** @odoo-module **/
// Issue 15/9 (SVC-2): the reply deadline counts down on the ticket list and form,
// turns red when it passes without a reload, and the "due in the next hour" and
// "due date passed" filters find the ticket; the kanban card shows it too. The agent
// works in Chinese.
import {registry} from "@web/core/registry";

const TICKET = "SLA tour ticket";
const ROW = `.o_data_row:has(.o_data_cell:contains("${TICKET}"))`;
const CLOCK = ".o_field_widget[name=kefu_response_deadline] .o_kefu_deadline";

function toggleFilter(label) {
    return [
        {
            content: "Open the filters",
            trigger: ".o_control_panel .o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: `Toggle the filter ${label}`,
            trigger: `.o_filter_menu .o_menu_item:contains("${label}")`,
            run: "click",
        },
        {
            content: "Close the filters",
            trigger: ".o_control_panel .o_searchview_dropdown_toggler",
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("kefu_sla_tour", {
    steps: () => [
        {
            content: "The ticket list is open",
            trigger: ".o_list_view .o_data_row",
        },
        ...toggleFilter("一小时内需回复"),
        {
            content: "Due in the next hour: the ticket is listed with an orange countdown",
            trigger: `${ROW} ${CLOCK}[data-kefu-clock=soon].text-warning:contains("剩余")`,
        },
        {
            content: "Open the ticket",
            trigger: `${ROW} .o_data_cell[name=name]`,
            run: "click",
        },
        {
            content: "The form shows the time left, in orange",
            trigger: `.o_form_view ${CLOCK}[data-kefu-clock=soon].text-warning:contains("剩余")`,
        },
        {
            content: "Without a reload, the countdown turns red once the deadline passes",
            trigger: `.o_form_view ${CLOCK}[data-kefu-clock=overdue].text-danger:contains("已超时")`,
            timeout: 60000,
        },
        {
            content: "Back to the list",
            trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb li.breadcrumb-item a",
            run: "click",
        },
        ...toggleFilter("一小时内需回复"),
        ...toggleFilter("已过回复期限"),
        {
            content: "Due date passed: the ticket is listed in red",
            trigger: `${ROW} ${CLOCK}[data-kefu-clock=overdue].text-danger:contains("已超时")`,
        },
        {
            content: "Switch to the kanban view",
            trigger: ".o_control_panel .o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "The kanban card shows the overdue clock in red",
            trigger: `.o_kanban_record:contains("${TICKET}") ${CLOCK}[data-kefu-clock=overdue].text-danger`,
        },
    ],
});

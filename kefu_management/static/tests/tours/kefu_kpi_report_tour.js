/** @odoo-module **/
// RPT-2, RPT-5: the CS Manager opens the KPI dashboard, drills into a number,
// and generates a monthly report from the Department Reports menu.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("kefu_kpi_dashboard_tour", {
    url: "/odoo/action-kefu_management.kefu_kpi_ticket_action",
    steps: () => [
        {
            content: "The KPI dashboard opens as a pivot",
            trigger: ".o_pivot_view .o_pivot_cell_value",
        },
        {
            content: "A number opens the tickets behind it",
            trigger: ".o_pivot_view .o_pivot_cell_value",
            run: "click",
        },
        {
            content: "The rows behind the number are listed",
            trigger: ".o_list_view .o_data_row",
        },
    ],
});

registry.category("web_tour.tours").add("kefu_kpi_report_tour", {
    url: "/odoo/action-kefu_management.kefu_kpi_report_action",
    steps: () => [
        {
            trigger: ".o_list_view",
        },
        {
            content: "Create a monthly report",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=date_from] input",
            run: "edit 2031-03-01",
        },
        {
            trigger: ".o_field_widget[name=date_to] input",
            run: "edit 2031-03-31",
        },
        {
            content: "Generate the XLSX",
            trigger: "button[name=action_generate]",
            run: "click",
        },
        {
            content: "The XLSX can be downloaded",
            trigger: "button[name=action_download]",
        },
    ],
});

// ARC-14, RPT-5: from the KPI dashboard's menu, the archive on-time scores per
// person (rate, target, weight, weighted score) of the current month.
registry.category("web_tour.tours").add("kefu_kpi_archive_scores_tour", {
    url: "/odoo/action-kefu_management.kefu_kpi_ticket_action",
    steps: () => [
        {
            trigger: ".o_pivot_view",
        },
        {
            content: "Open the Reporting menu",
            trigger:
                ".o_menu_sections " +
                "button[data-menu-xmlid='kefu_management.kefu_menu_reporting']",
            run: "click",
        },
        {
            content: "The KPI dashboard groups the ticket KPIs...",
            trigger:
                ".dropdown-item.o_dropdown_menu_group_entry" +
                "[data-menu-xmlid='kefu_management.kefu_kpi_ticket_dashboard_menu']",
        },
        {
            content: "... and the archive on-time scores",
            trigger:
                ".dropdown-item.o_dropdown_menu_group_entry" +
                "[data-menu-xmlid='kefu_management.kefu_kpi_archive_score_menu']",
            run: "click",
        },
        {
            content: "Show the scores of the current month",
            trigger: ".modal button[name=action_compute]",
            run: "click",
        },
        {
            content: "The sales person's line shows rate, target, weight and score",
            trigger:
                ".o_list_view .o_data_row:contains(t_rpt_manager) " +
                "td[name=score]:contains(10)",
        },
    ],
});

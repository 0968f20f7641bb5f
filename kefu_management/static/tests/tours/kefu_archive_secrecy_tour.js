/** @odoo-module **/
// Issue 18, points 1 and 2 (ARC-11): an agent classifies an archive through the
// 定密 wizard; nobody changes a secrecy level by dragging a kanban card.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("kefu_archive_classify_tour", {
    steps: () => [
        {
            content: "Classify the archive",
            trigger: ".o_form_view button[name=action_open_secrecy_wizard]",
            run: "click",
        },
        {
            content: "Choose the level",
            trigger: ".modal .o_field_widget[name=secrecy_level] select",
            run: 'select "secret"',
        },
        {
            content: "Secrecy period: five years",
            trigger: ".modal .o_field_widget[name=secrecy_end] input",
            run: "edit +5y && press Enter",
        },
        {
            content: "Give the reason",
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit 客户商务条款保密",
        },
        {
            content: "Apply",
            trigger: ".modal-footer button[name=action_apply]",
            run: "click",
        },
        {
            content: "The form now shows the archive as secret, with the change-level button",
            trigger:
                ".o_form_view:not(:has(.modal)) .o_statusbar_status button.o_arrow_button_current[data-value=secret]",
        },
        {
            content: "Classify is no longer offered",
            trigger:
                ".o_form_view button[name=action_open_change_secrecy_wizard]:not(:has(~ button[name=action_open_secrecy_wizard]))",
        },
    ],
});

registry.category("web_tour.tours").add("kefu_archive_kanban_no_drag_tour", {
    steps: () => [
        {
            content: "Kanban grouped by secrecy level: take the unclassified card",
            trigger:
                ".o_kanban_group:has(.o_kanban_record:contains(拖拽测试客户)) .o_kanban_record:contains(拖拽测试客户)",
            run: "drag_and_drop .o_kanban_group:last-child",
        },
        {
            content: "The card stays in its column and no error is shown",
            trigger:
                ".o_kanban_group:first-child .o_kanban_record:contains(拖拽测试客户)",
        },
        {
            content: "Nothing was written",
            trigger: "body:not(:has(.o_error_dialog)):not(:has(.o_notification_bar.bg-danger))",
        },
    ],
});

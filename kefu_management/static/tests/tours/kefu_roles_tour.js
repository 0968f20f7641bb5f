/** @odoo-module **/
// Issue 18: an administrator of access rights, without debug mode, gives a user
// the Team Leader role in the user form's Customer Service section.
import {registry} from "@web/core/registry";

const SECTION =
    ".o_inner_group:has(.o_horizontal_separator:contains(Customer Service))";

registry.category("web_tour.tours").add("kefu_roles_tour", {
    steps: () => [
        {
            content: "The user form shows the Customer Service section",
            trigger: `${SECTION} .o_field_widget[name^=sel_groups_] select`,
        },
        {
            content: "Choose the Team Leader role (角色)",
            trigger: `${SECTION} .o_field_widget[name^=sel_groups_]:first select`,
            run() {
                const select = this.anchor;
                const option = [...select.options].find((o) =>
                    ["Team Leader", "班长"].includes(o.textContent.trim())
                );
                select.value = option.value;
                select.dispatchEvent(new Event("change", {bubbles: true}));
            },
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
    ],
});

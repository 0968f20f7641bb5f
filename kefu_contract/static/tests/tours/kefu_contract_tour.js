/** @odoo-module **/
// CON-1..CON-6: sales submit a contract, CS and Finance give their credit
// opinions, Finance and Legal review, sales sign, CS takes it into custody.
import {registry} from "@web/core/registry";

const openContract = [
    {
        content: "Open the contract",
        trigger: ".o_data_row td:contains(Tour Contract Customer)",
        run: "click",
    },
];
const currentState = (state) =>
    `.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value=${state}]`;

registry.category("web_tour.tours").add("kefu_contract_submit_tour", {
    steps: () => [
        {trigger: ".o_list_button_add", run: "click"},
        {
            trigger: ".o_field_widget[name=title] input",
            run: "edit Valve supply 2027",
        },
        {
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Tour Contract Customer",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Contract Customer)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=amount] input",
            run: "edit 150000",
        },
        {
            trigger: ".o_field_widget[name=delivery_date_start] input",
            run: "edit 2030-02-01",
        },
        {
            trigger: ".o_field_widget[name=delivery_date_end] input",
            run: "edit 2030-03-31",
        },
        {
            content: "Due diligence: the business licence",
            trigger: ".o_field_widget[name=licence_number] input",
            run: "edit 91330100MA2TOUR",
        },
        {
            trigger: ".o_field_widget[name=licence_valid_until] input",
            run: "edit 2031-12-31",
        },
        {trigger: ".o_form_button_save", run: "click"},
        {
            content: "Submit for review",
            trigger: ".o_form_view button[name=action_submit]",
            run: "click",
        },
        {content: "Under review", trigger: currentState("review")},
    ],
});

registry.category("web_tour.tours").add("kefu_contract_cs_opinion_tour", {
    steps: () => [
        ...openContract,
        {trigger: ".o_notebook a[name=credit]", run: "click"},
        {
            content: "CS gives its opinion on the customer's credit",
            trigger: ".o_field_widget[name=cs_credit_opinion] textarea",
            run: "edit New customer, tier to be investigated; prepayment advised.",
        },
        {trigger: ".o_form_button_save", run: "click"},
        {trigger: ".o_form_saved"},
    ],
});

registry.category("web_tour.tours").add("kefu_contract_finance_tour", {
    steps: () => [
        ...openContract,
        {trigger: ".o_notebook a[name=credit]", run: "click"},
        {
            content: "Finance gives its opinion",
            trigger: ".o_field_widget[name=finance_credit_opinion] textarea",
            run: "edit 30% advance payment, balance on delivery.",
        },
        {trigger: ".o_form_button_save", run: "click"},
        {
            content: "Finance approves",
            trigger: ".o_form_view button[name=validate_tier]",
            run: "click",
        },
        {
            content: "Finance's level is signed",
            trigger: ".o_form_view:not(:has(button[name=validate_tier]))",
        },
    ],
});

registry.category("web_tour.tours").add("kefu_contract_legal_tour", {
    steps: () => [
        ...openContract,
        {
            content: "Legal approves",
            trigger: ".o_form_view button[name=validate_tier]",
            run: "click",
        },
        {content: "Approved", trigger: currentState("approved")},
    ],
});

registry.category("web_tour.tours").add("kefu_contract_sign_tour", {
    steps: () => [
        ...openContract,
        {
            content: "Record the signature",
            trigger: ".o_form_view button[name=action_sign]",
            run: "click",
        },
        {content: "Signed", trigger: currentState("signed")},
    ],
});

registry.category("web_tour.tours").add("kefu_contract_custody_tour", {
    steps: () => [
        ...openContract,
        {
            content: "CS receives the signed contract",
            trigger: ".o_form_view button[name=action_receive_custody]",
            run: "click",
        },
        {content: "In custody", trigger: currentState("custody")},
    ],
});

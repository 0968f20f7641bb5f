/** @odoo-module **/
// SVC-2: a reply deadline shown as the time left or the time overdue, in colour,
// and kept current without reloading the view (issue 15, item 9).
import {Component, onMounted, onWillUnmount, useState} from "@odoo/owl";
import {formatDateTime} from "@web/core/l10n/dates";
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {DateTimeField} from "@web/views/fields/datetime/datetime_field";
import {standardFieldProps} from "@web/views/fields/standard_field_props";

const {DateTime} = luxon;

/** "2 h 5 min", "3 d 4 h", "35 min" or "less than 1 min" for a duration in ms. */
export function formatKefuDuration(milliseconds) {
    const totalMinutes = Math.floor(Math.abs(milliseconds) / 60000);
    const days = Math.floor(totalMinutes / 1440);
    const hours = Math.floor((totalMinutes % 1440) / 60);
    const minutes = totalMinutes % 60;
    if (days) {
        return _t("%(days)s d %(hours)s h", {days, hours});
    }
    if (hours) {
        return _t("%(hours)s h %(minutes)s min", {hours, minutes});
    }
    if (minutes) {
        return _t("%(minutes)s min", {minutes});
    }
    return _t("less than 1 min");
}

export class KefuDeadlineField extends Component {
    static template = "kefu_management.KefuDeadlineField";
    static components = {DateTimeField};
    static props = {
        ...standardFieldProps,
        warnMinutes: {type: Number, optional: true},
        refreshSeconds: {type: Number, optional: true},
        doneFields: {type: Array, optional: true},
    };
    static defaultProps = {warnMinutes: 60, refreshSeconds: 30, doneFields: []};

    setup() {
        this.state = useState({now: DateTime.now()});
        onMounted(() => this.scheduleRefresh());
        onWillUnmount(() => clearTimeout(this.timer));
    }

    /** Refresh every refreshSeconds, and also right when the colour changes. */
    scheduleRefresh() {
        clearTimeout(this.timer);
        let delay = this.props.refreshSeconds * 1000;
        const left = this.millisecondsLeft;
        if (left !== null) {
            for (const change of [left - this.props.warnMinutes * 60000, left]) {
                if (change > 0 && change < delay) {
                    delay = change + 50;
                }
            }
        }
        this.timer = setTimeout(() => {
            this.state.now = DateTime.now();
            this.scheduleRefresh();
        }, delay);
    }

    get deadline() {
        return this.props.record.data[this.props.name] || null;
    }

    get isDone() {
        const data = this.props.record.data;
        return this.props.doneFields.some((name) => Boolean(data[name]));
    }

    get millisecondsLeft() {
        return this.deadline ? this.deadline.toMillis() - this.state.now.toMillis() : null;
    }

    /** "ok", "soon", "overdue", or "" when there is no running clock. */
    get clockState() {
        const left = this.millisecondsLeft;
        if (left === null || this.isDone) {
            return "";
        }
        if (left <= 0) {
            return "overdue";
        }
        return left <= this.props.warnMinutes * 60000 ? "soon" : "ok";
    }

    get colorClass() {
        const classes = {
            ok: "text-success",
            soon: "text-warning",
            overdue: "text-danger fw-bold",
        };
        return classes[this.clockState] || "";
    }

    get formattedValue() {
        return this.deadline ? formatDateTime(this.deadline) : "";
    }

    get text() {
        const state = this.clockState;
        if (!state) {
            return this.formattedValue;
        }
        const time = formatKefuDuration(this.millisecondsLeft);
        return state === "overdue"
            ? _t("Overdue by %(time)s", {time})
            : _t("%(time)s left", {time});
    }

    get dateTimeFieldProps() {
        return Object.fromEntries(
            Object.entries(this.props).filter(([key]) => key in standardFieldProps)
        );
    }
}

export const kefuDeadlineField = {
    component: KefuDeadlineField,
    displayName: _t("Deadline Countdown"),
    supportedTypes: ["datetime"],
    extractProps: ({options}) => ({
        warnMinutes: options.warn_minutes,
        refreshSeconds: options.refresh_seconds,
        doneFields: options.done_fields,
    }),
};

registry.category("fields").add("kefu_deadline", kefuDeadlineField);

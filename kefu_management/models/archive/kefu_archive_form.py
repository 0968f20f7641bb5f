from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..base.kefu_translate import kefu_shared_env

# ARC-2: the first fields of the customer data form, all mandatory.
MANDATORY_FIELDS = [
    "company_name",
    "street",
    "phone",
    "responsible_person",
    "contact_name",
    "contact_position",
    "contact_phone",
    "contact_email",
    "contact_gender",
    "contact_birthday",
    "contact_time",
]
# Issue 18: what the customer record already knows, taken as the form's start.
PREFILL_FIELDS = (
    "company_name",
    "street",
    "phone",
    "contact_name",
    "contact_position",
    "contact_phone",
    "contact_email",
)


class KefuArchiveForm(models.Model):
    """The customer data form (客户资料表) a sales assistant submits (ARC-2).

    Due a number of working days after the contract is signed; the CS department
    files it into the customer's archive within a number of working hours of
    receipt. Both deadlines feed the ARC-14 on-time rates.
    """

    _name = "kefu.archive.form"
    _description = "Customer Data Form"
    _inherit = ["mail.thread", "mail.activity.mixin", "kefu.input.mixin"]
    _order = "id desc"

    name = fields.Char(compute="_compute_name", store=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        domain="[('is_company', '=', True)]",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Sales Person",
        required=True,
        default=lambda self: self.env.user,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("filed", "Filed")],
        default="draft",
        required=True,
        tracking=True,
    )
    contract_signed_on = fields.Datetime(required=True, default=fields.Datetime.now)
    form_due = fields.Datetime(compute="_compute_form_due", store=True)
    submitted_on = fields.Datetime(readonly=True, copy=False)
    filing_due = fields.Datetime(readonly=True, copy=False)
    filed_on = fields.Datetime(readonly=True, copy=False)
    filed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    archive_id = fields.Many2one("kefu.archive", readonly=True, copy=False, index=True)
    # ARC-2 mandatory fields
    company_name = fields.Char()
    street = fields.Char(string="Address")
    phone = fields.Char()
    responsible_person = fields.Char()
    contact_name = fields.Char(string="Contact Person")
    contact_position = fields.Char(string="Contact Position")
    contact_phone = fields.Char(string="Contact Phone")
    contact_email = fields.Char(string="Contact Email")
    contact_gender = fields.Selection([("male", "Male"), ("female", "Female")])
    contact_birthday = fields.Date(string="Contact Birthday")
    contact_time = fields.Char(string="Convenient Contact Time")
    note = fields.Text()
    # ARC-14: on-time figures (100 or 0, averaged in pivot and graph views)
    form_on_time = fields.Boolean(compute="_compute_on_time", store=True)
    filing_on_time = fields.Boolean(compute="_compute_on_time", store=True)
    form_on_time_rate = fields.Float(
        compute="_compute_on_time", store=True, aggregator="avg", string="Sales On-time Rate (%)"
    )
    filing_on_time_rate = fields.Float(
        compute="_compute_on_time", store=True, aggregator="avg", string="CS On-time Rate (%)"
    )
    form_overdue = fields.Boolean(compute="_compute_overdue", search="_search_form_overdue")
    filing_overdue = fields.Boolean(compute="_compute_overdue", search="_search_filing_overdue")

    @api.depends("partner_id", "company_name")
    def _compute_name(self):
        for form in self:
            form.name = form.company_name or form.partner_id.name

    @api.depends("contract_signed_on", "company_id")
    def _compute_form_due(self):
        days = self.env["kefu.settings"].get_value("kefu_arc_form_days")
        for form in self:
            form.form_due = form.contract_signed_on and self.env[
                "kefu.working.time"
            ].add_working_days(form.contract_signed_on, days, form.company_id)

    @api.depends("submitted_on", "form_due", "filed_on", "filing_due")
    def _compute_on_time(self):
        for form in self:
            form.form_on_time = bool(form.submitted_on and form.submitted_on <= form.form_due)
            form.filing_on_time = bool(form.filed_on and form.filed_on <= form.filing_due)
            form.form_on_time_rate = 100.0 if form.form_on_time else 0.0
            form.filing_on_time_rate = 100.0 if form.filing_on_time else 0.0

    def _compute_overdue(self):
        now = fields.Datetime.now()
        for form in self:
            form.form_overdue = form.state == "draft" and form.form_due and form.form_due < now
            form.filing_overdue = (
                form.state == "submitted" and form.filing_due and form.filing_due < now
            )

    def _search_form_overdue(self, operator, value):
        return self._overdue_domain("draft", "form_due", operator, value)

    def _search_filing_overdue(self, operator, value):
        return self._overdue_domain("submitted", "filing_due", operator, value)

    def _overdue_domain(self, state, due_field, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue forms."))
        domain = [("state", "=", state), (due_field, "<", fields.Datetime.now())]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.onchange("partner_id")
    def _onchange_partner_id_prefill(self):
        # Replaces what the previous customer had filled in, keeps what was typed.
        for form in self.filtered("partner_id"):
            previous = self._kefu_partner_values(form._origin.partner_id)
            for name, value in self._kefu_partner_values(form.partner_id).items():
                if value and (not form[name] or form[name] == previous.get(name)):
                    form[name] = value

    @api.model
    def _kefu_partner_values(self, partner):
        """The form's fields as the customer record gives them: the company's name,
        address and phone, and its first contact person."""
        if not partner:
            return {}
        partner = partner.commercial_partner_id
        contact = partner.child_ids.filtered(lambda c: c.type == "contact")[:1]
        address = ", ".join(
            part for part in (partner.street, partner.street2, partner.city) if part
        )
        return {
            "company_name": partner.name,
            "street": address,
            "phone": partner.phone or partner.mobile,
            "contact_name": contact.name,
            "contact_position": contact.function,
            "contact_phone": contact.phone or contact.mobile,
            "contact_email": contact.email,
        }

    @api.model_create_multi
    def create(self, vals_list):
        # Also for RPC and import, which run no onchange (STYLE 17).
        partners = self.env["res.partner"]
        for vals in vals_list:
            if vals.get("partner_id"):
                known = self._kefu_partner_values(partners.browse(vals["partner_id"]))
                for name in PREFILL_FIELDS:
                    if name not in vals and known.get(name):
                        vals[name] = known[name]
        forms = super().create(vals_list)
        for form in forms:
            # ARC-2: the sales person gets the deadline as an activity.
            form.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=form.form_due.date(),
                summary=self.env._("Submit the customer data form"),
                user_id=form.user_id.id,
            )
        return forms

    def action_submit(self):
        for form in self:
            missing = [
                form._fields[name]._description_string(self.env)
                for name in MANDATORY_FIELDS
                if not form[name]
            ]
            if missing:
                raise ValidationError(
                    self.env._(
                        "The customer data form is missing: %(fields)s.", fields=", ".join(missing)
                    )
                )
        hours = self.env["kefu.settings"].get_value("kefu_arc_filing_hours")
        now = fields.Datetime.now()
        cs_group = self.env.ref("kefu_management.group_kefu_info_supervisor")
        for form in self:
            due = self.env["kefu.working.time"].add_working_hours(now, hours, form.company_id)
            form.write({"state": "submitted", "submitted_on": now, "filing_due": due})
            form.activity_feedback(["mail.mail_activity_data_todo"])
            for user in cs_group.users[:1]:
                form.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=due.date(),
                    summary=self.env._("File the customer data form into the archive"),
                    user_id=user.id,
                )

    def action_file(self):
        # ARC-2, ARC-6: the CS department files or updates the single archive.
        Archive = self.env["kefu.archive"]
        for form in self.filtered(lambda f: f.state == "submitted"):
            partner = form.partner_id.commercial_partner_id
            archive = Archive.search([("partner_id", "=", partner.id)], limit=1)
            if not archive:
                if Archive.sudo().search_count([("partner_id", "=", partner.id)]):
                    raise UserError(
                        self.env._(
                            "%(customer)s already has an archive you are not cleared to read: "
                            "ask a cleared colleague to file this form.",
                            customer=partner.display_name,
                        )
                    )
                archive = Archive.create(
                    {"partner_id": partner.id, "material_date": form.material_date}
                )
            form._kefu_fill_archive(archive)
            archive.message_post(
                body=self.env._(
                    "Customer data form filed: contact %(contact)s (%(position)s), %(phone)s, "
                    "%(email)s; convenient time: %(time)s.",
                    contact=form.contact_name,
                    position=form.contact_position,
                    phone=form.contact_phone,
                    email=form.contact_email,
                    time=form.contact_time,
                )
            )
            form.write(
                {
                    "state": "filed",
                    "filed_on": fields.Datetime.now(),
                    "filed_by_id": self.env.uid,
                    "archive_id": archive.id,
                }
            )
            form.activity_feedback(["mail.mail_activity_data_todo"])

    def _kefu_fill_archive(self, archive):
        """ARC-1, ARC-3: the form's data goes into the archive's sections (basic
        profile: managers, key people and their personal details), added to what
        the archive holds, each line once. Written in the company's language: the
        archive is shared."""
        self.ensure_one()
        env = kefu_shared_env(self.env, self.company_id)
        form = self.with_env(env)
        gender = dict(form._fields["contact_gender"]._description_selection(env)).get(
            form.contact_gender, ""
        )
        lines = {
            "managers": form.responsible_person
            and env._("Responsible person: %(name)s", name=form.responsible_person),
            "decision_makers": form.contact_name
            and env._(
                "%(name)s, %(position)s; phone %(phone)s, email %(email)s; "
                "convenient time: %(time)s",
                name=form.contact_name,
                position=form.contact_position or "",
                phone=form.contact_phone or "",
                email=form.contact_email or "",
                time=form.contact_time or "",
            ),
            "personal_details": form.contact_name
            and (form.contact_gender or form.contact_birthday)
            and env._(
                "%(name)s: %(gender)s, born %(birthday)s",
                name=form.contact_name,
                gender=gender,
                birthday=form.contact_birthday or "",
            ),
        }
        vals = {}
        for name, line in lines.items():
            current = archive[name] or ""
            if line and line not in current:
                vals[name] = f"{current}\n{line}" if current else line
        if vals:
            archive.write(vals)

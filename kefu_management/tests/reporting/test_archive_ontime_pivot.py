from datetime import date

from odoo.tests import new_test_user, tagged, users

from ..callback.common import KefuCallbackCase

MARCH = (date(2031, 3, 1), date(2031, 3, 31))
FEBRUARY = (date(2031, 2, 1), date(2031, 2, 28))
APRIL = (date(2031, 4, 1), date(2031, 4, 30))


@tagged("post_install", "-at_install", "kefu", "kefu_reporting")
class TestArchiveOntimePivot(KefuCallbackCase):
    """ARC-14 / RPT-5: the "Archive On-time Rates" pivot gives, for every person
    and period, the rate of the KPI definition (the dashboard's and the score
    screen's), and leaves out the forms not yet due.

    Now is Tuesday 1 April 2031, 10:00 in Shanghai. The sales person
    ``salesman``'s forms signed in March: one handed in and filed on time (by
    ``supervisor``), one handed in late whose filing is past due, one signed on
    Friday 28 March, due on Wednesday 2 April: not due yet. ``employee`` has one
    form handed in on time in March, its filing due on 2 April, and ``salesman``
    one never handed in from February.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env, "t_ontime_sales", groups="sales_team.group_sale_salesman"
        )
        cls.customer_co = cls.env["res.partner"].create(
            {"name": "Dongguan Tools Ltd", "is_company": True}
        )
        cls.on_time = cls.make_form(cls.salesman, (2031, 3, 3, 9, 0))
        cls.on_time.write(
            {
                "state": "filed",
                "submitted_on": cls.local(2031, 3, 3, 15, 0),
                "filing_due": cls.local(2031, 3, 4, 15, 0),
                "filed_on": cls.local(2031, 3, 4, 9, 0),
                "filed_by_id": cls.supervisor.id,
            }
        )
        cls.late = cls.make_form(cls.salesman, (2031, 3, 4, 9, 0))
        cls.late.write(
            {
                "state": "submitted",
                "submitted_on": cls.local(2031, 3, 20, 9, 0),
                "filing_due": cls.local(2031, 3, 21, 9, 0),
            }
        )
        cls.not_due = cls.make_form(cls.salesman, (2031, 3, 28, 9, 0))
        cls.others = cls.make_form(cls.employee, (2031, 3, 10, 9, 0))
        cls.others.write(
            {
                "state": "submitted",
                "submitted_on": cls.local(2031, 3, 10, 15, 0),
                "filing_due": cls.local(2031, 4, 2, 15, 0),
            }
        )
        cls.february = cls.make_form(cls.salesman, (2031, 2, 27, 9, 0))

    @classmethod
    def make_form(cls, user, signed):
        return cls.env["kefu.archive.form"].create(
            {
                "partner_id": cls.customer_co.id,
                "user_id": user.id,
                "contract_signed_on": cls.local(*signed),
            }
        )

    def setUp(self):
        super().setUp()
        self.frozen(self.local(2031, 4, 1, 10, 0))

    def definition(self, kind, period, user=None, env=None):
        Definition = (env or self.env)["kefu.kpi.definition"]
        return Definition._archive_on_time(kind, *period, user=user)[2]

    def pivot(self, kind, period, user=None, env=None):
        """The pivot's cell: read_group of the report's rows of ``kind`` signed in
        ``period`` (the local dates the pivot groups by), for ``user`` or all."""
        domain = [
            ("kind", "=", kind),
            ("signed_date", ">=", period[0]),
            ("signed_date", "<=", period[1]),
        ]
        if user:
            domain.append(("user_id", "=", user.id))
        rows = (env or self.env)["kefu.archive.ontime"].read_group(domain, ["on_time_rate:avg"], [])
        return round(rows[0]["on_time_rate"] or 0.0, 2)

    def test_sales_rate_per_person_is_the_definitions(self):
        # Two forms counted (on time, late); the one not due yet is not counted.
        self.assertEqual(self.definition("sales", MARCH, self.salesman), 50.0)
        self.assertEqual(self.pivot("sales", MARCH, self.salesman), 50.0)
        self.assertEqual(
            self.pivot("sales", MARCH, self.employee),
            self.definition("sales", MARCH, self.employee),
        )
        self.assertEqual(self.pivot("sales", MARCH), self.definition("sales", MARCH))
        self.assertEqual(self.pivot("sales", MARCH), 66.67)

    def test_cs_rate_per_filer_and_for_the_department_is_the_definitions(self):
        # The filing past due and not made counts for the department, nobody's.
        self.assertEqual(self.pivot("cs", MARCH, self.supervisor), 100.0)
        self.assertEqual(
            self.pivot("cs", MARCH, self.supervisor), self.definition("cs", MARCH, self.supervisor)
        )
        self.assertEqual(self.pivot("cs", MARCH, self.salesman), 0.0)
        self.assertEqual(self.definition("cs", MARCH, self.salesman), 0.0)
        self.assertEqual(self.pivot("cs", MARCH), self.definition("cs", MARCH))
        self.assertEqual(self.pivot("cs", MARCH), 50.0)

    def test_form_not_yet_due_is_not_counted_until_its_time_runs_out(self):
        Ontime = self.env["kefu.archive.ontime"]
        self.assertFalse(Ontime.search([("form_id", "=", self.not_due.id)]))
        self.assertEqual(Ontime.search_count([("form_id", "=", self.others.id)]), 1)
        # Thursday 3 April: its time has run out, it counts as late on both screens.
        self.frozen(self.local(2031, 4, 3, 10, 0))
        row = Ontime.search([("form_id", "=", self.not_due.id)])
        self.assertEqual((row.kind, row.user_id, row.on_time_rate), ("sales", self.salesman, 0.0))
        self.assertEqual(self.definition("sales", MARCH, self.salesman), 33.33)
        self.assertEqual(self.pivot("sales", MARCH, self.salesman), 33.33)
        # The employee's filing (due 2 April) is now past due as well.
        self.assertEqual(self.pivot("cs", MARCH), self.definition("cs", MARCH))

    def test_months_are_the_definitions_periods(self):
        # Signed 1 April 00:30 in Shanghai (31 March in UTC): April's, on both.
        april_first = self.make_form(self.salesman, (2031, 4, 1, 0, 30))
        april_first.write({"submitted_on": self.local(2031, 4, 1, 9, 0)})
        groups = self.env["kefu.archive.ontime"]._read_group(
            [("kind", "=", "sales"), ("user_id", "=", self.salesman.id)],
            ["signed_date:month"],
            ["on_time_rate:avg"],
        )
        by_month = {month: round(rate, 2) for month, rate in groups}
        self.assertEqual(
            by_month,
            {
                period[0]: self.definition("sales", period, self.salesman)
                for period in (FEBRUARY, MARCH, APRIL)
            },
        )
        self.assertEqual(by_month[APRIL[0]], 100.0)

    @users("t_manager")
    def test_menu_opens_for_a_cs_manager(self):
        menu = self.env.ref("kefu_management.kefu_archive_kpi_menu")
        self.assertIn(menu.id, self.env["ir.ui.menu"]._visible_menu_ids())
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kefu_management.kefu_archive_form_action_kpi"
        )
        self.assertEqual(action["res_model"], "kefu.archive.ontime")
        Ontime = self.env[action["res_model"]]
        views = Ontime.get_views([(False, "pivot"), (False, "graph"), (False, "list")])
        self.assertIn("on_time_rate", views["models"]["kefu.archive.ontime"]["fields"])
        groups = Ontime.web_read_group(
            [("signed_date", ">=", MARCH[0]), ("signed_date", "<=", MARCH[1])],
            ["on_time_rate:avg"],
            ["user_id", "kind"],
            lazy=False,
        )["groups"]
        rates = {
            (g["user_id"][0], g["kind"]): round(g["on_time_rate"], 2)
            for g in groups
            if g["user_id"]
        }
        self.assertEqual(rates[(self.salesman.id, "sales")], 50.0)
        self.assertEqual(rates[(self.supervisor.id, "cs")], 100.0)
        self.assertEqual(self.pivot("cs", MARCH), 50.0)

    def test_each_user_sees_the_rows_of_the_forms_they_saw(self):
        Form = self.env["kefu.archive.form"]
        counted = self.env["kefu.archive.ontime"].search([]).form_id
        self.assertNotIn(self.not_due, counted)
        for user in (self.salesman, self.employee, self.agent, self.manager):
            seen = Form.with_user(user).search([])
            rows = self.env["kefu.archive.ontime"].with_user(user).search([])
            self.assertEqual(rows.form_id, seen & counted, user.login)
        # A sales person sees only his own forms' figures, the rates included.
        salesman_env = self.env(user=self.salesman)
        self.assertEqual(self.pivot("sales", MARCH, env=salesman_env), 50.0)
        self.assertEqual(
            self.pivot("sales", MARCH, env=salesman_env),
            self.definition("sales", MARCH, env=salesman_env),
        )
        self.assertEqual(
            self.env["kefu.archive.ontime"].with_user(self.employee).search([]).form_id,
            self.others,
        )

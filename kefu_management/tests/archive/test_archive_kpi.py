from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from ...models.archive.kefu_archive_kpi import weighted_score
from .common import KefuArchiveCase


@tagged("post_install", "-at_install", "kefu", "kefu_archive")
class TestArchiveKpiWeightedScores(KefuArchiveCase):
    """ARC-14: filing and updating on time against targets, weighted in the
    management performance (defaults 100% target, 10% sales, 20% CS)."""

    def _form(self, signed, submitted_late=None, filed_late=None):
        partner = self.env["res.partner"].create({"name": "KPI Co.", "is_company": True})
        form = self.env["kefu.archive.form"].create(
            {
                "partner_id": partner.id,
                "user_id": self.salesman.id,
                "contract_signed_on": signed,
            }
        )
        if submitted_late is not None:
            shift = timedelta(hours=5) if submitted_late else -timedelta(hours=1)
            vals = {"state": "submitted", "submitted_on": form.form_due + shift}
            vals["filing_due"] = vals["submitted_on"] + timedelta(days=1)
            form.write(vals)
        if filed_late is not None:
            shift = timedelta(hours=2) if filed_late else -timedelta(hours=2)
            form.write(
                {
                    "state": "filed",
                    "filed_on": form.filing_due + shift,
                    "filed_by_id": self.supervisor.id,
                }
            )
        return form

    def _scores(self, user=None):
        kpi = (
            self.env["kefu.archive.kpi"]
            .with_user(user or self.manager)
            .create({"date_from": date(2026, 11, 1), "date_to": date(2026, 11, 30)})
        )
        kpi.action_compute()
        return {(line.user_id, line.kind): line for line in kpi.line_ids}

    @freeze_time("2026-11-30 02:00:00")  # Monday 10:00 in Shanghai
    def test_weighted_scores_per_person_with_rulebook_defaults(self):
        signed = self.local(2026, 11, 2, 10, 0)
        self._form(signed, submitted_late=False, filed_late=False)
        self._form(signed, submitted_late=False, filed_late=True)
        self._form(signed, submitted_late=False)
        self._form(signed, submitted_late=True)
        # Not handed in and past its due time: counts as late.
        self._form(signed)
        # Signed in October: another period.
        self._form(self.local(2026, 10, 20, 10, 0), submitted_late=True)
        scores = self._scores()
        sales = scores[(self.salesman, "sales")]
        self.assertEqual((sales.due_count, sales.on_time_count, sales.rate), (5, 3, 60.0))
        self.assertEqual((sales.target, sales.weight, sales.score), (100, 10, 6.0))
        cs = scores[(self.supervisor, "cs")]
        self.assertEqual((cs.due_count, cs.on_time_count, cs.rate), (2, 1, 50.0))
        self.assertEqual((cs.target, cs.weight, cs.score), (100, 20, 10.0))

    @freeze_time("2026-11-30 02:00:00")
    def test_targets_and_weights_follow_the_settings(self):
        signed = self.local(2026, 11, 2, 10, 0)
        for late in (False, False, False, True):
            self._form(signed, submitted_late=late)
        self.env["res.config.settings"].create(
            {"kefu_arc_sales_filing_target": 80, "kefu_arc_sales_filing_weight": 30}
        ).execute()
        sales = self._scores()[(self.salesman, "sales")]
        self.assertEqual(sales.rate, 75.0)
        self.assertEqual(sales.score, weighted_score(75.0, 80, 30))
        self.assertEqual(sales.score, 28.13)

    def test_full_weight_at_target_never_above(self):
        self.assertEqual(weighted_score(100.0, 100, 20), 20.0)
        self.assertEqual(weighted_score(100.0, 90, 20), 20.0)
        self.assertEqual(weighted_score(45.0, 90, 20), 10.0)

    def test_weights_below_the_rulebook_minimum_refused(self):
        for vals in (
            {"kefu_arc_sales_filing_weight": 9},
            {"kefu_arc_cs_update_weight": 19},
            {"kefu_arc_cs_update_target": 101},
            {"kefu_arc_sales_filing_target": 0},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                self.env["res.config.settings"].create(vals)
        reader = self.env["kefu.settings"]
        self.assertEqual(reader.get_value("kefu_arc_sales_filing_weight"), 10)
        self.assertEqual(reader.get_value("kefu_arc_cs_update_weight"), 20)

    def test_agents_do_not_see_scores(self):
        with self.assertRaises(AccessError):
            self._scores(user=self.agent)

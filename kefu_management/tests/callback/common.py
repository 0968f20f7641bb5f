from freezegun import freeze_time

from ..service_desk.common import KefuHelpdeskCase


class KefuCallbackCase(KefuHelpdeskCase):
    """Callback fixtures: the callback team, customers in two timezones, a store."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ICP = cls.env["ir.config_parameter"].sudo()
        # The rulebook defaults, whatever an earlier run stored.
        for name, field in cls.env["res.config.settings"]._fields.items():
            if name.startswith("kefu_cbk_"):
                ICP.set_param(field.config_parameter, False)
        ICP.set_param("kefu_management.cbk_team_id", cls.team.id)
        # Only our fixtures: no demo special callbacks, no other key customers.
        cls.env["kefu.callback.special"].search([]).active = False
        cls.env["res.partner"].search([("kefu_key_customer", "=", True)]).kefu_key_customer = False
        Partner = cls.env["res.partner"]
        cls.store = Partner.create(
            {"name": "Foshan Store", "email": "foshan@example.com", "lang": "en_US"}
        )
        cls.customer.write({"tz": "Asia/Shanghai", "kefu_store_id": cls.store.id})
        cls.customer_berlin = Partner.create(
            {"name": "Berlin Customer", "tz": "Europe/Berlin", "email": "berlin@example.com"}
        )
        cls.Planner = cls.env["kefu.callback.planner"]
        cls.Callback = cls.env["kefu.callback"]
        cls.Source = cls.env["kefu.callback.source"]

    def frozen(self, moment):
        """Freeze time at a naive UTC datetime until the end of the test."""
        freezer = freeze_time(moment)
        freezer.start()
        self.addCleanup(freezer.stop)
        return freezer

    def make_callback(self, user=None, **values):
        vals = {
            "partner_id": self.customer.id,
            "planned_date": self.local(2027, 6, 14, 10, 0),
            "user_id": (user or self.agent).id,
            "team_id": self.team.id,
        }
        vals.update(values)
        model = self.Callback.with_user(user) if user else self.Callback
        return model.create(vals)

    def answer_all(self, callback, value="yes"):
        for line in callback.answer_ids:
            if line.answer_type == "yes_no":
                line.answer = value
            else:
                line.answer_text = "Very good service."

    def callbacks_of(self, partner):
        return self.Callback.search([("partner_id", "=", partner.id)])

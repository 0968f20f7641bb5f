import logging

from odoo import api, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


class KefuDeadlineMixin(models.AbstractModel):
    """Models whose open records carry deadlines computed by ``kefu.working.time``.

    A model inherits this mixin and implements ``_kefu_recompute_deadlines``; when
    a company calendar's time zone, hours, public holidays or make-up days change,
    the one dispatcher below asks every such model to recompute its open deadlines
    for the companies using that calendar.
    """

    _name = "kefu.deadline.mixin"
    _description = "Customer Service Working-Time Deadlines"

    @api.model
    def _kefu_recompute_deadlines(self, companies):
        """Recompute the open deadlines of ``companies``; each model overrides it."""
        return True

    @api.model
    def _kefu_dispatch_recompute(self, calendars):
        """Every deadline-owning model recomputes the open deadlines of the companies
        whose working calendar is one of ``calendars``."""
        if not calendars or self.env.context.get("kefu_no_deadline_recompute"):
            return
        companies = (
            self.env["res.company"].sudo().search([("resource_calendar_id", "in", calendars.ids)])
        )
        if not companies:
            return
        # Pending writes (the new leave, make-up day or hours) first: the working-time
        # service reads them back from the database.
        self.env.flush_all()
        for name in sorted(self.env.registry[self._name]._inherit_children):
            if name not in self.env.registry:
                continue
            model = self.env[name]
            # A registry rebuilt by a test's fake-model loader (OCA base_tier_validation's
            # own tests) may keep a stale child that no longer carries this mixin.
            if (
                model._abstract
                or model._transient
                or not hasattr(model, "_kefu_recompute_deadlines")
            ):
                continue
            # Host first: a calendar change is the host's (switching the company's
            # calendar, editing hours). A calendar without working time cannot place
            # a deadline: the deadlines stay as they were and the change goes through.
            try:
                with self.env.cr.savepoint():
                    model.sudo()._kefu_recompute_deadlines(companies)
            except UserError as error:
                _logger.warning("open deadlines of %s not recomputed: %s", name, error)

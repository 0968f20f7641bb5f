from odoo import api, models


class KefuCronBatch(models.AbstractModel):
    """Batches for the department's scheduled actions, the 18.0 way.

    One call handles one batch of the records matching ``domain``: rows are
    locked with ``FOR UPDATE SKIP LOCKED`` so that two workers never handle the
    same record, the callback is run, and the progress is reported to the cron,
    which runs again at once while records remain. Callbacks must make the
    records leave ``domain`` (so that a second run finds nothing to do).
    """

    _name = "kefu.cron.batch"
    _description = "Customer Service Cron Batches"

    @api.model
    def run(self, model_name, domain, callback, batch_size=200, order="id"):
        Model = self.env[model_name].sudo()
        candidates = Model.search(domain, limit=batch_size, order=order)
        if not candidates:
            self.env["ir.cron"]._notify_progress(done=0, remaining=0)
            return Model
        self.env.cr.execute(
            f'SELECT id FROM "{Model._table}" WHERE id IN %s FOR UPDATE SKIP LOCKED',
            (tuple(candidates.ids),),
        )
        locked = Model.browse([row[0] for row in self.env.cr.fetchall()])
        # Re-check under the lock: another worker may have handled them meanwhile.
        locked.invalidate_recordset()
        batch = locked.filtered_domain(domain)
        if batch:
            callback(batch)
        remaining = Model.search_count(domain) if len(candidates) == batch_size else 0
        self.env["ir.cron"]._notify_progress(done=len(batch), remaining=remaining)
        return batch

from contextvars import ContextVar

from odoo import api, models

from .kefu_archive import CONTENT_FIELDS

# The outermost reading method of the current call names the path of the log line
# (web_search_read calls web_read, which calls read...). Not in the context: a
# client could send it.
_READ_PATH = ContextVar("kefu_archive_read_path", default=None)


def _rw(method):
    # These reads write their log line: run them on a read/write cursor from the
    # start rather than failing on the read-only one and being retried.
    method._readonly = False
    return method


class KefuArchive(models.Model):
    """ARC-10: every read of a classified archive's content is logged, whatever the
    path: ``read``, ``search_read``, ``web_read``, ``web_search_read`` (through
    ``_read_format``, where they all meet), ``export_data`` (also ``/web/export/*``)
    and the printed archive (``report/kefu_archive_report.py``)."""

    _inherit = "kefu.archive"  # pylint: disable=consider-merging-classes-inherited

    def _kefu_read_as(self, path, call):
        token = _READ_PATH.set(path) if _READ_PATH.get() is None else None
        try:
            return call()
        finally:
            if token is not None:
                _READ_PATH.reset(token)

    @_rw
    def read(self, fields=None, load="_classic_read"):
        return self._kefu_read_as("read", lambda: super(KefuArchive, self).read(fields, load))

    @api.model
    @_rw
    def search_read(self, domain=None, fields=None, offset=0, limit=None, order=None, **kwargs):
        return self._kefu_read_as(
            "search_read",
            lambda: super(KefuArchive, self).search_read(
                domain, fields, offset=offset, limit=limit, order=order, **kwargs
            ),
        )

    @_rw
    def web_read(self, specification):
        return self._kefu_read_as(
            "web_read", lambda: super(KefuArchive, self).web_read(specification)
        )

    @api.model
    @_rw
    def web_search_read(
        self, domain, specification, offset=0, limit=None, order=None, count_limit=None
    ):
        return self._kefu_read_as(
            "web_search_read",
            lambda: super(KefuArchive, self).web_search_read(
                domain,
                specification,
                offset=offset,
                limit=limit,
                order=order,
                count_limit=count_limit,
            ),
        )

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if fnames is None or set(fnames) & set(CONTENT_FIELDS):
            self.env["kefu.archive.access.log"]._kefu_log(self, _READ_PATH.get() or "read")
        return result

    def export_data(self, fields_to_export):
        result = super().export_data(fields_to_export)
        if {path.split("/")[0].split(".")[0] for path in fields_to_export} & set(CONTENT_FIELDS):
            self.env["kefu.archive.access.log"]._kefu_log(self, "export")
        return result

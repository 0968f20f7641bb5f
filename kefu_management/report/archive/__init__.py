from . import kefu_archive_report

from . import kefu_archive_borrow

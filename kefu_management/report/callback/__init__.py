from . import kefu_callback_summary_xlsx

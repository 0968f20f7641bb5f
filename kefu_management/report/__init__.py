from . import kefu_callback_summary_xlsx
from . import kefu_kpi_report_xlsx

from . import kefu_kpi_report_xlsx

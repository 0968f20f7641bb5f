from . import kefu_kpi_report

from . import kefu_kpi
from . import kefu_kpi_callback
from . import kefu_kpi_daily
from . import kefu_kpi_definition
from . import kefu_kpi_report
from . import kefu_kpi_ticket
from . import res_config_settings

from . import test_integrity_report
from . import test_kpi
from . import test_kpi_definition
from . import test_report_monthly
from . import test_report_schedule
from . import test_report_tour

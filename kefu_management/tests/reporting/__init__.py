from . import test_archive_ontime_pivot
from . import test_integrity_report
from . import test_kpi
from . import test_kpi_definition
from . import test_report_cron_query_bounds
from . import test_report_monthly
from . import test_report_schedule
from . import test_report_tour

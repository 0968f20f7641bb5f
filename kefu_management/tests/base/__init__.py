from . import test_bad_input
from . import test_groups
from . import test_holiday_import
from . import test_install
from . import test_makeup_day_tour
from . import test_settings
from . import test_translation
from . import test_working_time

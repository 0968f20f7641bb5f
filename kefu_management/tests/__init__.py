from . import test_install
from . import test_groups
from . import test_settings
from . import test_working_time
from . import test_holiday_import
from . import test_translation

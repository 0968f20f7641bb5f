from . import (
    test_groups,
    test_holiday_import,
    test_install,
    test_settings,
    test_tour,
    test_translation,
    test_working_time,
)
from . import test_complaint
from . import test_first_responder
from . import test_helpdesk_access
from . import test_response_limit
from . import test_shift_handover

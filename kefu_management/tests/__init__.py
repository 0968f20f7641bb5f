from . import (
    test_groups,
    test_holiday_import,
    test_install,
    test_settings,
    test_tour,
    test_translation,
    test_working_time,
)

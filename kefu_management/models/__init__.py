from . import (
    kefu_makeup_day,
    kefu_settings,
    kefu_working_time,
    res_config_settings,
    resource_calendar,
)

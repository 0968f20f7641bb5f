from . import kefu_settings
from . import kefu_working_time
from . import kefu_makeup_day
from . import resource_calendar
from . import res_config_settings

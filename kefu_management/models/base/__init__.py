from . import kefu_approval_mixin
from . import kefu_cron_batch
from . import kefu_makeup_day
from . import kefu_settings
from . import kefu_working_time
from . import res_config_settings
from . import resource_calendar
from . import tier_definition

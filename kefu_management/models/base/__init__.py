# isort: skip_file
# input checks first: the approval mixin and the settings inherit them.
from . import kefu_translate
from . import kefu_input_mixin
from . import kefu_approval_mixin
from . import kefu_cron_batch
from . import kefu_deadline_mixin
from . import kefu_makeup_day
from . import kefu_protected_mixin
from . import kefu_settings
from . import kefu_working_time
from . import ir_module_module
from . import res_company
from . import res_config_settings
from . import res_lang
from . import resource_calendar
from . import resource_calendar_attendance
from . import resource_calendar_leaves
from . import tier_definition
from . import tier_review
from . import res_config_settings_review
from . import kefu_upgrade

from . import kefu_holiday_import
from . import kefu_holiday_import_china

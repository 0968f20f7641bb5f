from . import kefu_holiday_import

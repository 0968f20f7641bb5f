from . import kefu_holiday_demo

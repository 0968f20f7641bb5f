from . import kefu_complaint_result_wizard

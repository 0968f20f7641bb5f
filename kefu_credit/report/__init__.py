from . import kefu_credit_investigation_xlsx

from . import kefu_contract_ledger_xlsx

from . import kefu_contract

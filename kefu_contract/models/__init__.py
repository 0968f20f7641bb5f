from . import kefu_contract
from . import kefu_contract_custody
from . import kefu_contract_custody_log
from . import kefu_contract_phone_approval
from . import kefu_contract_retrieval
from . import res_config_settings
from . import tier_definition
from . import tier_review

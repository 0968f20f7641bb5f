from . import kefu_archive_allocation_wizard
from . import kefu_archive_secrecy_wizard

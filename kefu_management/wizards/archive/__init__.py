from . import kefu_archive_secrecy_wizard

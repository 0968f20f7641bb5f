from . import kefu_archive
from . import kefu_archive_access_log
from . import kefu_archive_borrow
from . import kefu_archive_destruction
from . import kefu_archive_form
from . import kefu_customer_report
from . import mail_followers
from . import res_partner

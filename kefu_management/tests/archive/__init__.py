from . import test_archive
from . import test_archive_access_matrix
from . import test_archive_borrow
from . import test_archive_destruction
from . import test_archive_form
from . import test_archive_tour
from . import test_customer_report

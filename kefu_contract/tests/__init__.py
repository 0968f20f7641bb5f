from . import test_access
from . import test_custody
from . import test_delivery
from . import test_ledger
from . import test_phone_approval
from . import test_review
from . import test_review_deadline
from . import test_tour

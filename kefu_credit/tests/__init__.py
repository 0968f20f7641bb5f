from . import test_cadence
from . import test_credit_limit
from . import test_emergency
from . import test_enforcement
from . import test_investigation
from . import test_tour

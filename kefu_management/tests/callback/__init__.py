from . import test_callback_feedback
from . import test_callback_form
from . import test_callback_planner
from . import test_callback_query_bounds
from . import test_callback_report
from . import test_callback_timezone
from . import test_callback_tour

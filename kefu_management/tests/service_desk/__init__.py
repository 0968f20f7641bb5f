from . import test_complaint
from . import test_complaint_tour
from . import test_first_responder
from . import test_helpdesk_access
from . import test_response_limit
from . import test_shift_handover

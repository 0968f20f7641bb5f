# isort: skip_file
# The mixin first: models below inherit it.
from . import kefu_response_limit_mixin
from . import helpdesk_ticket
from . import helpdesk_ticket_channel
from . import helpdesk_ticket_complaint
from . import helpdesk_ticket_complaint_handler
from . import helpdesk_ticket_response
from . import helpdesk_ticket_deadline
from . import kefu_complaint_category
from . import kefu_complaint_cause
from . import kefu_complaint_department
from . import kefu_duty_roster
from . import kefu_enquiry_type
from . import kefu_shift_handover
from . import kefu_shift_handover_line
from . import kefu_ticket_contact
from . import kefu_ticket_handover
from . import res_config_settings
from . import helpdesk_ticket_routing

from . import base
from . import archive
from . import service_desk
from . import callback
from . import reporting

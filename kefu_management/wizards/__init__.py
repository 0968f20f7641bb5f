from . import archive
from . import base
from . import service_desk

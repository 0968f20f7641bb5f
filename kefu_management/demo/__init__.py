from . import archive
from . import base
from . import reporting

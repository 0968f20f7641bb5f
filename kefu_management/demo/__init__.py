from . import archive
from . import reporting

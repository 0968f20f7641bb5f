from . import archive
from . import callback
from . import reporting

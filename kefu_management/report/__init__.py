from . import callback
from . import reporting

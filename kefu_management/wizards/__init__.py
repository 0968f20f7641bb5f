from . import archive
from . import base

# isort: skip_file
# base first: the other areas inherit its mixins (approval, protected fields).
from . import base
from . import archive
from . import service_desk
from . import callback
from . import reporting

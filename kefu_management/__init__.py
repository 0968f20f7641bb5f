# isort: skip_file
# demo/ extends the models with demo flows: it loads after them.
from . import models
from . import report
from . import wizards
from . import demo
from . import controllers

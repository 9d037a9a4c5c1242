from .callbacks import Callback, add_callbacks
from .context import set_options

from .core import Powerline
from .theme import Theme

__all__ = ["Powerline", "Theme"]

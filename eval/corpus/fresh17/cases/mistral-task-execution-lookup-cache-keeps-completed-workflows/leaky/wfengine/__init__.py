from . import lookup_utils
from .workflows import Workflow

__all__ = ["Workflow", "lookup_utils"]

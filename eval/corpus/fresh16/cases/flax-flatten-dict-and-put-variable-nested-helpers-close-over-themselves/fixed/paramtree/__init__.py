from .traverse import flatten_dict
from .scope import Scope

__all__ = ["Scope", "flatten_dict"]

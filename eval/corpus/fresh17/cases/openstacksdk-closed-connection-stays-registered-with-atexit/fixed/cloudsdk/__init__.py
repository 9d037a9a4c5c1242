from .config import CloudRegion
from .connection import Connection

__all__ = ["CloudRegion", "Connection"]

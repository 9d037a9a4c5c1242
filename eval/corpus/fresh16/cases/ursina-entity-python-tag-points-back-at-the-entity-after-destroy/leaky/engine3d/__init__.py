from .entity import Entity
from .lifecycle import destroy

__all__ = ["Entity", "destroy"]

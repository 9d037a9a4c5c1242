from .base import ThreadGroupBase
from .threadgroup import Thread, ThreadGroup

__all__ = ["Thread", "ThreadGroup", "ThreadGroupBase"]

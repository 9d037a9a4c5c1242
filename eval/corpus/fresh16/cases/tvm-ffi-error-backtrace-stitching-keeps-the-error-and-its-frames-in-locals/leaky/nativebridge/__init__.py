from .calls import lookup

__all__ = ["lookup"]

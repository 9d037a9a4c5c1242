from .container import BlockContainer

__all__ = ["BlockContainer"]

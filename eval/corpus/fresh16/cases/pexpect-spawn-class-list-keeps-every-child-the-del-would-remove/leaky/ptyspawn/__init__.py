from .spawn import spawn

__all__ = ["spawn"]

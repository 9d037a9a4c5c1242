from .posix import Serial

__all__ = ["Serial"]

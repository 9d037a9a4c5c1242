from .api import API

__all__ = ["API"]

from .baseinfo import BaseInfo

__all__ = ["BaseInfo"]

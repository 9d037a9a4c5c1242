from .base import SocketBase

__all__ = ["SocketBase"]

from .dispatcher import RPCDispatcher
from .incoming import IncomingMessage

__all__ = ["IncomingMessage", "RPCDispatcher"]

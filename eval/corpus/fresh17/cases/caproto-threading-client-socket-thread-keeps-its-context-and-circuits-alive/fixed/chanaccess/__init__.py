from .circuit import VirtualCircuit
from .context import Context
from .sockthread import SocketThread

__all__ = ["Context", "SocketThread", "VirtualCircuit"]

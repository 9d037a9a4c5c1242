import socket
import threading
from typing import Any, Dict, Optional

from .sockthread import SocketThread


class VirtualCircuit:
    __slots__ = ("address", "channels", "ioids", "has_new_command", "socket", "sock_thread", "__weakref__")

    def __init__(self, address: Any) -> None:
        self.address = address
        self.channels: Dict[int, Any] = {}
        self.ioids: Dict[int, Any] = {}
        self.has_new_command = threading.Condition()
        self.socket: Optional[socket.socket] = None
        self.sock_thread: Optional[SocketThread] = None

    def connect(self) -> None:
        self.socket = socket.create_connection(self.address)
        self.sock_thread = SocketThread(self.socket, self)

    def next_command(self, data: bytes, address: Any) -> None:
        with self.has_new_command:
            self.ioids[len(self.ioids)] = data
            self.has_new_command.notify_all()

    def disconnect(self) -> None:
        self.channels.clear()
        if self.socket is not None:
            self.socket.close()
            self.socket = None

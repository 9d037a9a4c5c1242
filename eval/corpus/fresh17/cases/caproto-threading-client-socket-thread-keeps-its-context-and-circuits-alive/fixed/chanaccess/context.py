import socket
import threading
from typing import Any, Dict, Optional, Tuple

from .sockthread import SocketThread


class Context:
    """Wraps the UDP search socket and the cache of circuits."""

    __slots__ = ("circuits", "search_results", "unanswered", "has_new_command", "udp_sock", "sock_thread", "__weakref__")

    def __init__(self) -> None:
        self.circuits: Dict[Tuple[str, int], Any] = {}
        self.search_results: Dict[str, Tuple[str, int]] = {}
        self.unanswered: Dict[int, str] = {}
        self.has_new_command = threading.Condition()
        self.udp_sock: Optional[socket.socket] = None
        self.sock_thread: Optional[SocketThread] = None
        self._create_sock()

    def _create_sock(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
        self.udp_sock = sock
        self.sock_thread = SocketThread(sock, self)

    def next_command(self, data: bytes, address: Any) -> None:
        with self.has_new_command:
            name = self.unanswered.pop(len(data), None)
            if name is not None:
                self.search_results[name] = address
            self.has_new_command.notify_all()

    def disconnect(self) -> None:
        if self.udp_sock is not None:
            self.udp_sock.close()
            self.udp_sock = None

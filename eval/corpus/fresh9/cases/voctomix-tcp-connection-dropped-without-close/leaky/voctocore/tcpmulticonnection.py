from __future__ import annotations

import logging
import socket
from queue import Queue
from typing import Dict, Tuple

from gi.repository import GObject


class TCPMultiConnection:
    def __init__(self, port: int) -> None:
        if not hasattr(self, "log"):
            self.log = logging.getLogger("TCPMultiConnection")
        self.currentConnections: Dict[socket.socket, Queue] = dict()

        self.boundSocket = socket.socket(socket.AF_INET6)
        self.boundSocket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.boundSocket.bind(("::", port))
        self.boundSocket.listen(1)
        GObject.io_add_watch(self.boundSocket, GObject.IO_IN, self.on_connect)

    def on_connect(self, sock: socket.socket, *args) -> bool:
        conn, addr = sock.accept()
        conn.setblocking(False)
        self.log.info("Incoming connection from [%s]:%u (fd=%u)", addr[0], addr[1], conn.fileno())
        self.currentConnections[conn] = Queue()
        self.on_accepted(conn, addr)
        return True

    def on_accepted(self, conn: socket.socket, addr: Tuple[str, int]) -> None:
        raise NotImplementedError

    def close_connection(self, conn: socket.socket) -> None:
        if conn in self.currentConnections:
            del self.currentConnections[conn]  # LEAK
        self.log.info("Now %u receivers connected", len(self.currentConnections))

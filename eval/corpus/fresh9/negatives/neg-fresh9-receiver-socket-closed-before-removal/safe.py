from __future__ import annotations

import socket
from queue import Queue
from typing import Dict


class TCPMultiConnection:
    def __init__(self) -> None:
        self.currentConnections: Dict[socket.socket, Queue] = {}

    def on_accepted(self, conn: socket.socket) -> None:
        self.currentConnections[conn] = Queue()

    def close_connection(self, conn: socket.socket) -> None:
        if conn in self.currentConnections:
            conn.close()
            del self.currentConnections[conn]

    def shutdown(self) -> None:
        for conn in list(self.currentConnections):
            self.close_connection(conn)

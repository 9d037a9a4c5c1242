from __future__ import annotations


class SocketServer:
    def __init__(self, port: int) -> None:
        self.port = port

    def close(self) -> None:
        pass


class MessageServer:
    def __init__(self, port: int) -> None:
        self.server = SocketServer(port)

    def close(self) -> None:
        self.server.close()

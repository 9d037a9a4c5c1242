from __future__ import annotations


class SocketServer:
    def __init__(self, owner, port: int) -> None:
        self.owner = owner  # LEAK
        self.port = port

    def close(self) -> None:
        pass


class MessageServer:
    def __init__(self, parent, port: int) -> None:
        self.parent = parent  # LEAK
        parent.message_server = self  # LEAK
        self.server = SocketServer(parent, port)

    def __del__(self) -> None:  # LEAK
        self.server.close()

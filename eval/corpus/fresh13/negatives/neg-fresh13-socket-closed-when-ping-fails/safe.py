import socket
from typing import Callable, Optional


class Client:
    def __init__(self, on_disconnect: Callable[[int], None]) -> None:
        self.sock: Optional[socket.socket] = None
        self.on_disconnect = on_disconnect

    def connect(self, host: str, port: int) -> None:
        self.sock = socket.create_connection((host, port))

    def _close(self) -> None:
        if self.sock is not None:
            sock, self.sock = self.sock, None
            sock.close()

    def ping(self) -> None:
        if self.sock is None:
            return
        try:
            self.sock.sendall(b"\xc0\x00")
        except OSError:
            self._close()
            self.on_disconnect(1)

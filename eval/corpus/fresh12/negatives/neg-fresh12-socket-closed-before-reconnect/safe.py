import socket
import time
from typing import Optional, Tuple


class Client:
    def __init__(self, address: Tuple[str, int]) -> None:
        self.address = address
        self.socket: Optional[socket.socket] = None

    def _drop_socket(self) -> None:
        if self.socket is not None:
            self.socket.close()
            self.socket = None

    def connect(self, tries: int = 5) -> None:
        for _ in range(tries):
            self._drop_socket()
            self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            try:
                self.socket.connect(self.address)
                return
            except OSError:
                time.sleep(1)
        self._drop_socket()
        raise ConnectionError(self.address)

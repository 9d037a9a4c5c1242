from __future__ import annotations

import logging
import socket
from threading import Lock, Thread


class UASocketClient:
    """Handles the socket connection and the receiving thread of one client."""

    def __init__(self, timeout: float = 1) -> None:
        self.logger = logging.getLogger(__name__ + ".Socket")
        self._thread = None
        self._lock = Lock()
        self.timeout = timeout
        self._socket = None
        self._do_stop = False
        self._callbackmap = {}

    def start(self) -> None:
        self._thread = Thread(target=self._run)  # LEAK
        self._thread.start()  # LEAK

    def _run(self) -> None:
        while not self._do_stop:
            try:
                data = self._socket.recv(4096)
            except OSError:
                break
            if not data:
                break

    def connect_socket(self, host: str, port: int) -> None:
        sock = socket.create_connection((host, port))
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._socket = sock
        self.start()

    def disconnect_socket(self) -> None:
        self.logger.info("stop request")
        self._do_stop = True
        self._socket.shutdown(socket.SHUT_RDWR)
        self._socket.close()


class UaClient:
    def __init__(self, timeout: float = 1) -> None:
        self._uasocket = UASocketClient(timeout)

    def connect_socket(self, host: str, port: int) -> None:
        self._uasocket.connect_socket(host, port)

    def disconnect_socket(self) -> None:
        self._uasocket.disconnect_socket()

    def close_session(self, delete_subscriptions: bool) -> None:
        pass

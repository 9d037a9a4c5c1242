import logging
import select
import socket
from typing import List, Optional, Tuple

log = logging.getLogger(__name__)


class TcpServer:
    def __init__(self, address: Tuple[str, int]) -> None:
        self.address = address
        self._listener: Optional[socket.socket] = None
        self._sockets: List[socket.socket] = []

    def start(self) -> None:
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.setblocking(False)
        self._listener.bind(self.address)
        self._listener.listen(10)
        self._sockets.append(self._listener)

    def poll_once(self) -> None:
        ready = select.select(self._sockets, [], [], 1.0)[0]
        for sock in ready:
            if sock is self._listener:
                client, _ = sock.accept()
                client.setblocking(False)
                self._sockets.append(client)
            elif not sock.recv(1, socket.MSG_PEEK):
                sock.close()
                self._sockets.remove(sock)
                break

    def stop(self) -> None:
        for sock in self._sockets:
            try:
                sock.close()
            except Exception as exc:
                log.warning("error while closing a socket: %s", exc)
        self._sockets = []
        if self._listener is not None:
            self._listener.close()
            self._listener = None

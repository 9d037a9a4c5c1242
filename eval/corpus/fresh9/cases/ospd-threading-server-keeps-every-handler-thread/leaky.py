from __future__ import annotations

import logging
import socketserver
import threading
from pathlib import Path

logger = logging.getLogger(__name__)


class RequestHandler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        self.server.handle_request(self.request, self.client_address)


class SocketServerMixin:
    def __init__(self, server: "UnixSocketServer", address: str) -> None:
        self.server = server
        super().__init__(address, RequestHandler, bind_and_activate=True)

    def handle_request(self, request, client_address) -> None:
        self.server.handle_request(request, client_address)


class ThreadedUnixSocketServer(SocketServerMixin, socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    pass


class UnixSocketServer:
    def __init__(self, socket_path: str, stream_timeout: int) -> None:
        self.socket_path = Path(socket_path)
        self.stream_timeout = stream_timeout
        self.server = None
        self.stream_callback = None

    def start(self, stream_callback) -> None:
        self.stream_callback = stream_callback
        self.server = ThreadedUnixSocketServer(self, str(self.socket_path))  # LEAK
        server_thread = threading.Thread(target=self.server.serve_forever)
        server_thread.daemon = True
        server_thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def handle_request(self, request, client_address) -> None:
        logger.debug("New request from %s", str(self.socket_path))
        self.stream_callback(request)

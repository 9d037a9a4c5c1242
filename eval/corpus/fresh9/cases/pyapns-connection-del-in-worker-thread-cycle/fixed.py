from __future__ import annotations

import collections
import logging
import select
import threading
import time
from socket import AF_INET, SOCK_STREAM, socket
from ssl import wrap_socket

_logger = logging.getLogger("apns")
SENT_BUFFER_QTY = 100000
WAIT_READ_TIMEOUT_SEC = 10


class APNsConnection:
    """A generic connection class for communicating with the APNs."""

    def __init__(self, cert_file=None, key_file=None, timeout=None, enhanced: bool = False) -> None:
        self.cert_file = cert_file
        self.key_file = key_file
        self.timeout = timeout
        self._socket = None
        self._ssl = None
        self.enhanced = enhanced
        self.connection_alive = False

    def _connect(self) -> None:
        self._socket = socket(AF_INET, SOCK_STREAM)
        self._socket.settimeout(self.timeout)
        self._socket.connect((self.server, self.port))
        self._ssl = wrap_socket(self._socket, self.key_file, self.cert_file)
        self.connection_alive = True

    def _disconnect(self) -> None:
        if self.connection_alive:
            if self._socket:
                self._socket.close()
            if self._ssl:
                self._ssl.close()
            self.connection_alive = False

    def _connection(self):
        if not self._ssl or not self.connection_alive:
            self._connect()
        return self._ssl

    def write(self, string: bytes):
        return self._connection().write(string)


class GatewayConnection(APNsConnection):
    def __init__(self, use_sandbox: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.server = ("gateway.push.apple.com", "gateway.sandbox.push.apple.com")[use_sandbox]
        self.port = 2195
        if self.enhanced:
            self._last_activity_time = time.time()
            self._send_lock = threading.RLock()
            self._error_response_handler_worker = None
            self._sent_notifications = collections.deque(maxlen=SENT_BUFFER_QTY)

    def _init_error_response_handler_worker(self) -> None:
        self._send_lock = threading.RLock()
        self._error_response_handler_worker = self.ErrorResponseHandlerWorker(apns_connection=self)
        self._error_response_handler_worker.start()

    def send_notification(self, message: bytes, identifier: int = 0) -> None:
        self._last_activity_time = time.time()
        with self._send_lock:
            if not self._error_response_handler_worker or not self._error_response_handler_worker.is_alive():
                self._init_error_response_handler_worker()
            self.write(message)
            self._sent_notifications.append({"id": identifier, "message": message})

    def force_close(self) -> None:
        if self._error_response_handler_worker:
            self._error_response_handler_worker.close()

    def _is_idle_timeout(self) -> bool:
        return (time.time() - self._last_activity_time) >= 30

    class ErrorResponseHandlerWorker(threading.Thread):
        def __init__(self, apns_connection: "GatewayConnection") -> None:
            threading.Thread.__init__(self, name=self.__class__.__name__)
            self._apns_connection = apns_connection
            self._close_signal = False

        def close(self) -> None:
            self._close_signal = True

        def run(self) -> None:
            while not self._close_signal:
                if self._apns_connection._is_idle_timeout():
                    break
                if not self._apns_connection.connection_alive:
                    time.sleep(1)
                    continue
                rlist, _, _ = select.select([self._apns_connection._connection()], [], [], WAIT_READ_TIMEOUT_SEC)
                if rlist:
                    _logger.debug("error response: %r", self._apns_connection._connection().read(6))

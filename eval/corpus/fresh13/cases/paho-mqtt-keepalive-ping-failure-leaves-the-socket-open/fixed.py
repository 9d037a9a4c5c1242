import socket
import struct
import threading
import time
from typing import Callable, Optional

MQTT_ERR_SUCCESS = 0
MQTT_ERR_UNKNOWN = 13
PINGREQ = 0xC0
CS_CONNECTED = 1
CS_DISCONNECTING = 2


class Client:
    def __init__(self, keepalive: int = 60) -> None:
        self._keepalive = keepalive
        self._sock: Optional[socket.socket] = None
        self._state = 0
        self._ping_t = 0.0
        self._last_msg_in = time.monotonic()
        self._last_msg_out = time.monotonic()
        self._msgtime_mutex = threading.Lock()
        self.on_disconnect: Optional[Callable[["Client", int], None]] = None

    def connect(self, host: str, port: int = 1883) -> None:
        self._sock = socket.create_connection((host, port))
        self._state = CS_CONNECTED

    def _sock_close(self) -> None:
        if not self._sock:
            return
        sock = self._sock
        self._sock = None
        sock.close()

    def _do_on_disconnect(self, rc: int) -> None:
        if self.on_disconnect is not None:
            self.on_disconnect(self, rc)

    def _send_pingreq(self) -> None:
        self._sock.sendall(struct.pack("!BB", PINGREQ, 0))
        self._ping_t = time.monotonic()

    def _check_keepalive(self) -> int:
        if self._keepalive == 0:
            return MQTT_ERR_SUCCESS
        now = time.monotonic()
        with self._msgtime_mutex:
            last_msg_out = self._last_msg_out
            last_msg_in = self._last_msg_in
        if self._sock is not None and (now - last_msg_out >= self._keepalive or now - last_msg_in >= self._keepalive):
            if self._state == CS_CONNECTED and self._ping_t == 0:
                try:
                    self._send_pingreq()
                except Exception:
                    self._sock_close()
                    self._do_on_disconnect(MQTT_ERR_UNKNOWN)
                else:
                    with self._msgtime_mutex:
                        self._last_msg_out = now
                        self._last_msg_in = now
            else:
                self._sock_close()
                rc = MQTT_ERR_SUCCESS if self._state == CS_DISCONNECTING else 1
                self._do_on_disconnect(rc)
        return MQTT_ERR_SUCCESS

    def loop_misc(self) -> int:
        if self._sock is None:
            return 4
        return self._check_keepalive()

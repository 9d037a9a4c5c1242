from __future__ import annotations

import logging
import socket
import threading
from typing import Optional

log = logging.getLogger(__name__)


class Irc:
    def __init__(self, name: str, pingfreq: float = 90.0) -> None:
        self.name = name
        self.pingfreq = pingfreq
        self.aborted = threading.Event()
        self.connected = threading.Event()
        self.socket = socket.socket()
        self.pingTimer: Optional[threading.Timer] = None

    def pingServer(self) -> None:
        self.socket.send(b"PING :pylink\r\n")

    def schedulePing(self) -> None:
        """Schedules periodic pings in a loop."""
        self.pingServer()
        self.pingTimer = threading.Timer(self.pingfreq, self.schedulePing)
        self.pingTimer.daemon = True
        self.pingTimer.name = "Ping timer loop for %s" % self.name
        self.pingTimer.start()

    def disconnect(self) -> None:
        """Handle disconnects from the remote server."""
        self.connected.clear()
        self.aborted.set()
        try:
            self.socket.shutdown(socket.SHUT_RDWR)
            self.socket.close()
        except OSError:  # Socket timed out during creation; ignore
            log.exception("(%s) Failed to close/shutdown socket.", self.name)

        if self.pingTimer:
            self.pingTimer.cancel()

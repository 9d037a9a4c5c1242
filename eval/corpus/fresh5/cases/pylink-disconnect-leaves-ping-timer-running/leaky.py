from __future__ import annotations

import socket
import threading
from typing import Optional


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
        self.pingTimer = threading.Timer(self.pingfreq, self.schedulePing)  # LEAK
        self.pingTimer.daemon = True
        self.pingTimer.start()

    def _disconnect(self) -> None:
        """Handle disconnects from the remote server."""
        self.connected.clear()
        try:
            self.socket.close()
            self.pingTimer.cancel()
        except:  # noqa: E722  Socket timed out during creation; ignore
            pass

    def disconnect(self) -> None:
        """Closes the IRC connection."""
        self.aborted.set()  # This will cause run() to abort.

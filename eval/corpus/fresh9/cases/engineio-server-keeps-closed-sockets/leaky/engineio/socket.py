from __future__ import annotations

import queue
import time


class Socket:
    """An Engine.IO socket."""

    upgrade_protocols = ["websocket"]

    def __init__(self, server, sid: str) -> None:
        self.server = server
        self.sid = sid
        self.queue: queue.Queue = queue.Queue()
        self.last_ping = time.time()
        self.connected = False
        self.closed = False

    def poll(self) -> list:
        try:
            packets = [self.queue.get(timeout=self.server.ping_timeout)]
        except queue.Empty:
            raise IOError()
        return packets

    def handle_get_request(self, environ, start_response):
        if "upgrade" in environ.get("HTTP_CONNECTION", "").lower():
            return self._upgrade_websocket(environ, start_response)
        try:
            return self.poll()
        except IOError:
            self.close()
            raise

    def _upgrade_websocket(self, environ, start_response):
        ws = self.server.async_mode.websocket(environ)
        for message in ws:
            self.server.receive(self.sid, message)
        # the client went away
        self.close()
        return []

    def close(self) -> None:
        self.closed = True
        self.server.trigger_event("disconnect", self.sid)

from __future__ import annotations

import logging
import urllib.parse
import uuid
from typing import Dict

from .socket import Socket


class Server:
    def __init__(self, async_mode, ping_timeout: float = 60) -> None:
        self.async_mode = async_mode
        self.ping_timeout = ping_timeout
        self.sockets: Dict[str, Socket] = {}
        self.logger = logging.getLogger("engineio")

    def trigger_event(self, event: str, sid: str) -> None:
        self.logger.info("%s %s", event, sid)

    def receive(self, sid: str, message) -> None:
        self.trigger_event("message", sid)

    def _handle_connect(self, sid: str) -> Socket:
        socket = Socket(self, sid)
        self.sockets[sid] = socket  # LEAK
        return socket

    def handle_request(self, environ, start_response):
        query = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
        sid = query["sid"][0] if "sid" in query else None
        if environ["REQUEST_METHOD"] != "GET":
            return self._bad_request()
        if sid is None:
            return self._handle_connect(uuid.uuid4().hex)
        if sid not in self.sockets:
            self.logger.warning("Invalid session %s", sid)
            return self._bad_request()
        socket = self.sockets[sid]
        try:
            r = socket.handle_get_request(environ, start_response)
        except IOError:
            del self.sockets[sid]
            r = self._bad_request()
        return r

    def _bad_request(self) -> dict:
        return {"status": "400 BAD REQUEST"}

from __future__ import annotations

import json
import socket

from .handlers import BaseHandler


class Connection:
    def __init__(self, sck: socket.socket, handler_factory=BaseHandler) -> None:
        self._sck = sck
        self.handler = handler_factory(self)  # LEAK
        self.closed = False

    def dispatch(self, raw: bytes) -> bytes:
        request = json.loads(raw)
        method = self.handler.get_method(request["method"])
        return json.dumps({"id": request["id"], "result": method(*request["params"])}).encode()

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.handler._shutdown()
        self._sck.close()

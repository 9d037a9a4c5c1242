from __future__ import annotations

import json
from typing import Any, Dict

from tornado import websocket

from jupyter_server.services.events.bus import EventLogger


class SubscribeWebsocket(websocket.WebSocketHandler):
    """Streams the server's events to one browser tab."""

    def initialize(self, event_logger: EventLogger) -> None:
        self.event_logger = event_logger

    async def event_listener(self, logger: EventLogger, schema_id: str, data: Dict[str, Any]) -> None:
        capsule = dict(schema_id=schema_id, **data)
        try:
            self.write_message(json.dumps(capsule))
        except websocket.WebSocketClosedError:
            self.event_logger.remove_listener(listener=self.event_listener)

    def open(self) -> None:
        self.event_logger.add_listener(listener=self.event_listener)

    def on_close(self) -> None:
        # Not called when the peer disappears without a close handshake.
        self.event_logger.remove_listener(listener=self.event_listener)

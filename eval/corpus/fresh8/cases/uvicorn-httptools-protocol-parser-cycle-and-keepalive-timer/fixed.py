from __future__ import annotations

import asyncio
import logging
from typing import Optional

import httptools


class HttpToolsConnection(asyncio.Protocol):
    def __init__(self, config, server_state, _loop: Optional[asyncio.AbstractEventLoop] = None) -> None:
        self.config = config
        self.app = config.loaded_app
        self.loop = _loop or asyncio.get_event_loop()
        self.logger = logging.getLogger("server.error")
        self.parser = httptools.HttpRequestParser(self)
        self.timeout_keep_alive_task: Optional[asyncio.TimerHandle] = None
        self.timeout_keep_alive = config.timeout_keep_alive
        self.server_state = server_state
        self.connections = server_state.connections
        self.transport: Optional[asyncio.Transport] = None
        self.cycle = None
        self.scope: Optional[dict] = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self.connections.add(self)
        self.transport = transport

    def connection_lost(self, exc: Optional[Exception]) -> None:
        self.connections.discard(self)
        if self.cycle is not None:
            self.cycle.disconnected = True
            self.cycle.message_event.set()
        if exc is None:
            self.transport.close()
            self._unset_keepalive_if_required()

        self.parser = None

    def data_received(self, data: bytes) -> None:
        self._unset_keepalive_if_required()
        self.parser.feed_data(data)

    def _unset_keepalive_if_required(self) -> None:
        if self.timeout_keep_alive_task is not None:
            self.timeout_keep_alive_task.cancel()
            self.timeout_keep_alive_task = None

    def on_response_complete(self) -> None:
        self.server_state.total_requests += 1
        if self.transport.is_closing():
            return
        self._unset_keepalive_if_required()
        self.timeout_keep_alive_task = self.loop.call_later(
            self.timeout_keep_alive, self.timeout_keep_alive_handler)

    def timeout_keep_alive_handler(self) -> None:
        if not self.transport.is_closing():
            self.transport.close()

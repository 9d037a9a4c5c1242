from __future__ import annotations

import asyncio
import logging
from collections import deque


class ClientException(Exception):
    pass


class MQTTClient:
    def __init__(self, handler, config: dict | None = None) -> None:
        self.logger = logging.getLogger(__name__)
        self.config = config or {}
        self._handler = handler
        self._connected = False
        self._disconnect_task = None
        self.client_tasks: deque = deque()

    async def connect(self) -> None:
        await self._handler.start()
        self._connected = True
        self._disconnect_task = asyncio.ensure_future(self.handle_connection_close())

    async def disconnect(self) -> None:
        if self._connected:
            if not self._disconnect_task.done():
                self._disconnect_task.cancel()
            await self._handler.mqtt_disconnect()
            await self._handler.stop()
            self._connected = False
        else:
            self.logger.warning("Client session is not currently connected, ignoring call")

    async def deliver_message(self, timeout: float | None = None):
        deliver_task = asyncio.ensure_future(self._handler.mqtt_deliver_next_message())  # LEAK
        self.client_tasks.append(deliver_task)  # LEAK
        done, pending = await asyncio.wait([deliver_task], return_when=asyncio.FIRST_EXCEPTION, timeout=timeout)
        if deliver_task in done:
            if deliver_task.exception() is not None:
                raise deliver_task.exception()
            self.client_tasks.pop()
            return deliver_task.result()
        deliver_task.cancel()
        raise asyncio.TimeoutError

    async def handle_connection_close(self) -> None:
        def cancel_tasks():
            while self.client_tasks:
                task = self.client_tasks.popleft()
                if not task.done():
                    task.set_exception(ClientException("Connection lost"))

        await self._handler.wait_disconnect()
        self.logger.warning("Disconnected from broker")
        self._connected = False
        cancel_tasks()

from __future__ import annotations

import asyncio
import logging
import os
from typing import Optional

__log__ = logging.getLogger(__name__)


class TelegramBareClient:
    def __init__(self, session, sender, loop: Optional[asyncio.AbstractEventLoop] = None) -> None:
        self.session = session
        self._sender = sender
        self._loop = loop or asyncio.get_event_loop()
        self._user_connected = False
        self._authorized = False
        self._ping_delay = 60
        self._state_delay = 30 * 60
        self._recv_loop: Optional[asyncio.Future] = None
        self._ping_loop: Optional[asyncio.Future] = None
        self._state_loop: Optional[asyncio.Future] = None

    async def connect(self) -> None:
        await self._sender.connect()
        self._user_connected = True
        await self._set_connected_and_authorized()

    def disconnect(self) -> None:
        __log__.info("Disconnecting...")
        self._user_connected = False
        self._sender.disconnect()
        self.session.close()

    async def _set_connected_and_authorized(self) -> None:
        self._authorized = True
        if self._recv_loop is None:
            self._recv_loop = asyncio.ensure_future(self._recv_loop_impl(), loop=self._loop)  # LEAK
        if self._ping_loop is None:
            self._ping_loop = asyncio.ensure_future(self._ping_loop_impl(), loop=self._loop)  # LEAK
        if self._state_loop is None:
            self._state_loop = asyncio.ensure_future(self._state_loop_impl(), loop=self._loop)  # LEAK

    async def _ping_loop_impl(self) -> None:
        while self._user_connected:
            await self._sender.send(("ping", int.from_bytes(os.urandom(8), "big", signed=True)))
            await asyncio.sleep(self._ping_delay)
        self._ping_loop = None

    async def _state_loop_impl(self) -> None:
        while self._user_connected:
            await asyncio.sleep(self._state_delay)
            await self._sender.send(("get_state",))

    async def _recv_loop_impl(self) -> None:
        while self._user_connected:
            try:
                await self._sender.receive()
            except TimeoutError:
                __log__.debug("Receiving items from the network timed out")
            except ConnectionError:
                __log__.error("Connection was reset while receiving items")
                await asyncio.sleep(1)

from __future__ import annotations

import asyncio
import logging
from typing import Optional

import websockets as ws


class ReconnectingWebsocket:
    MAX_RECONNECTS = 5

    def __init__(self, url: str, path: Optional[str] = None, prefix: str = "ws/") -> None:
        self._loop = asyncio.get_event_loop()
        self._log = logging.getLogger(__name__)
        self._url = url
        self._path = path
        self._prefix = prefix
        self._conn = None
        self.ws = None
        self._reconnects = 0

    async def __aenter__(self) -> "ReconnectingWebsocket":
        await self.connect()
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb) -> None:
        if self.ws:
            await self.ws.close()
        self.ws = None

    async def connect(self) -> None:
        await self._before_connect()
        self._conn = ws.connect(f"{self._url}{self._prefix}{self._path or ''}", close_timeout=0.1)
        self.ws = await self._conn.__aenter__()
        self._reconnects = 0
        await self._after_connect()

    async def _before_connect(self) -> None:
        pass

    async def _after_connect(self) -> None:
        pass

    async def _run_reconnect(self) -> None:
        self._reconnects += 1
        if self._reconnects < self.MAX_RECONNECTS:
            await asyncio.sleep(self._reconnects)
            try:
                await self.connect()
            except Exception:
                pass

    def _reconnect(self) -> None:
        asyncio.ensure_future(self._run_reconnect())

from __future__ import annotations

import asyncio
from typing import Optional

from binance.ws.reconnecting_websocket import ReconnectingWebsocket

KEEPALIVE_TIMEOUT = 5 * 60


class KeepAliveWebsocket(ReconnectingWebsocket):
    def __init__(self, client, url: str, keepalive_type: str, prefix: str = "ws/",
                 user_timeout: Optional[int] = None) -> None:
        super().__init__(url=url, path=None, prefix=prefix)
        self._keepalive_type = keepalive_type
        self._client = client
        self._user_timeout = user_timeout or KEEPALIVE_TIMEOUT
        self._timer: Optional[asyncio.TimerHandle] = None
        self._listen_key: Optional[str] = None

    async def __aexit__(self, *args, **kwargs) -> None:
        if not self._path:
            return
        if self._timer:
            self._timer.cancel()
            self._timer = None
        await super().__aexit__(*args, **kwargs)

    async def _before_connect(self) -> None:
        if not self._listen_key:
            self._listen_key = await self._client.stream_get_listen_key()
            self._path = self._listen_key

    async def _after_connect(self) -> None:
        if self._timer is None:
            self._start_socket_timer()

    def _start_socket_timer(self) -> None:
        self._timer = self._loop.call_later(
            self._user_timeout, lambda: asyncio.create_task(self._keepalive_socket())
        )

    async def _keepalive_socket(self) -> None:
        try:
            listen_key = await self._client.stream_get_listen_key()
            if listen_key != self._listen_key:
                self._listen_key = listen_key
                self._path = listen_key
                self._reconnect()
            else:
                await self._client.stream_keepalive(self._listen_key)
        except Exception as e:
            self._log.error(f"error in keepalive_socket: {e}")
        finally:
            if self._timer is not None:
                self._start_socket_timer()
            else:
                self._log.info("skip timer restart - web socket is exiting")

from __future__ import annotations

import asyncio

from pydis_core.utils import scheduling


class AsyncStatsClient:
    """A statsd client that sends its packets from tasks on the bot's loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop, host: str = "127.0.0.1", port: int = 8125) -> None:
        self._loop = loop
        self._address = (host, port)
        self._transport = None

    async def create_socket(self) -> None:
        self._transport, _ = await self._loop.create_datagram_endpoint(
            asyncio.DatagramProtocol, remote_addr=self._address
        )

    def _send(self, data: str) -> None:
        scheduling.create_task(self._async_send(data), event_loop=self._loop)

    async def _async_send(self, data: str) -> None:
        if self._transport is not None:
            self._transport.sendto(data.encode("ascii"))

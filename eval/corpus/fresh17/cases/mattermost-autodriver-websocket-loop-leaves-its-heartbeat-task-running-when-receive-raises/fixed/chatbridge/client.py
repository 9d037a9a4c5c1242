import asyncio
import logging
from typing import Any, Awaitable, Callable

from .pinger import Activity, ping_when_idle

log = logging.getLogger(__name__)


class EventSocket:
    def __init__(self, opener: Any, idle_after: float = 30.0) -> None:
        self.opener = opener
        self.activity = Activity(idle_after)
        self.running = False

    async def run(self, on_event: Callable[[str], Awaitable[None]]) -> None:
        self.running = True
        while self.running:
            try:
                async with self.opener() as conn:
                    await self._listen(conn, on_event)
            except ConnectionError:
                log.warning("event socket dropped, reconnecting")
                await asyncio.sleep(1.0)

    async def _listen(self, conn: Any, on_event: Callable[[str], Awaitable[None]]) -> None:
        pinger = asyncio.create_task(ping_when_idle(conn, self.activity))
        try:
            while self.running:
                text = await conn.receive_str()
                self.activity.touch()
                await on_event(text)
        finally:
            if not pinger.done():
                pinger.cancel()
            try:
                await pinger
            except asyncio.CancelledError:
                pass
            except Exception:
                log.debug("pinger ended while the socket was closing")

    def stop(self) -> None:
        self.running = False

import asyncio
import contextlib
from typing import Optional


class Subscription:
    def __init__(self, conn, interval: float) -> None:
        self._conn = conn
        self._interval = interval
        self._heartbeat: Optional[asyncio.Task] = None

    def start(self) -> None:
        self._heartbeat = asyncio.get_running_loop().create_task(self._beat())

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            await self._conn.ping()

    async def unsubscribe(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._heartbeat
            self._heartbeat = None

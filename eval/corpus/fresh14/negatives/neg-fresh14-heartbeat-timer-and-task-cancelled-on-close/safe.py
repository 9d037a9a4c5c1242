import asyncio
from typing import Any, Awaitable, Callable, Optional


class Session:
    def __init__(self, ping: Callable[[], Awaitable[Any]], interval: float) -> None:
        self._ping = ping
        self._interval = interval
        self._loop = asyncio.get_event_loop()
        self._handle: Optional[asyncio.TimerHandle] = None
        self._task: Optional["asyncio.Task[None]"] = None
        self._closed = False

    def start(self) -> None:
        self._arm()

    def _arm(self) -> None:
        if self._closed:
            return
        self._handle = self._loop.call_later(self._interval, self._fire)

    def _fire(self) -> None:
        if self._task is None or self._task.done():
            self._task = self._loop.create_task(self._beat())

    async def _beat(self) -> None:
        try:
            await self._ping()
        finally:
            self._arm()

    def close(self) -> None:
        self._closed = True
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None

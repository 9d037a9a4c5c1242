from __future__ import annotations

import asyncio
import time
from typing import Optional


def now_millis() -> float:
    return time.monotonic() * 1000


class ServiceBrowserBase:
    def __init__(self, zc, types: list[str], query_scheduler) -> None:
        self.zc = zc
        self.types = types
        self.query_scheduler = query_scheduler
        self.done = False
        self._next_send_timer: Optional[asyncio.TimerHandle] = None

    def _async_start(self) -> None:
        """Start browsing; must run in the event loop."""
        self.query_scheduler.start(now_millis())
        self.zc.async_add_listener(self, [(t, "PTR") for t in self.types])
        # only send queries once the listener is installed
        asyncio.ensure_future(self._async_start_query_sender())  # LEAK

    def _async_cancel(self) -> None:
        self.done = True
        self._cancel_send_timer()
        self.zc.async_remove_listener(self)

    async def _async_start_query_sender(self) -> None:
        if not self.zc.started:
            await self.zc.async_wait_for_start()
        self._send_ready_queries_and_schedule_next()

    def _send_ready_queries_and_schedule_next(self) -> None:
        if self.done:
            return
        for out in self.query_scheduler.ready(now_millis()):
            self.zc.async_send(out)
        loop = asyncio.get_running_loop()
        self._next_send_timer = loop.call_later(1.0, self._send_ready_queries_and_schedule_next)

    def _cancel_send_timer(self) -> None:
        if self._next_send_timer:
            self._next_send_timer.cancel()

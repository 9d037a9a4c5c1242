from __future__ import annotations

import asyncio
import threading
from typing import Any, Coroutine


class EventLoopHandler:
    def __init__(self) -> None:
        self._event_loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._event_loop.run_forever, daemon=True)
        self._thread.start()
        self._closed = False

    def __call__(self, coro: Coroutine[Any, Any, Any]) -> Any:
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is self._event_loop:
            # reentrant call: run it on a throwaway handler
            return EventLoopHandler()(coro)
        return asyncio.run_coroutine_threadsafe(coro, self._event_loop).result()

    def _close_event_loop(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._event_loop.call_soon_threadsafe(self._event_loop.stop)
        self._thread.join(timeout=5)
        try:
            self._event_loop.close()
        except RuntimeError:
            pass  # still running at interpreter shutdown: best effort

    def __del__(self) -> None:
        self._close_event_loop()

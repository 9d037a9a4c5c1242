from __future__ import annotations

import asyncio
import threading
from typing import Any, Coroutine


class EventLoopHandler:
    def __init__(self) -> None:
        self._event_loop = asyncio.new_event_loop()  # LEAK
        self._thread = threading.Thread(target=self._event_loop.run_forever, daemon=True)
        self._thread.start()

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
        self._event_loop.stop()

    def __del__(self) -> None:
        self._close_event_loop()

from __future__ import annotations

import asyncio
import threading
from typing import Any, Optional


class ETMSession:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self._loop: Optional[asyncio.AbstractEventLoop] = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._session: Any = None

    def request(self, coro) -> Any:
        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result()

    def close(self) -> None:
        """Close session and clean up resources."""
        if self._loop:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread:
            self._thread.join(timeout=5)
        # stop() leaves the selector and self-pipe open: close the loop too
        if self._loop and not self._loop.is_closed():
            self._loop.close()
            self._loop = None


def get_client(base_url: str = "https://engine.example") -> ETMSession:
    return ETMSession(base_url)

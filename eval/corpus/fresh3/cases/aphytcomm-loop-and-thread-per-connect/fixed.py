from __future__ import annotations

import asyncio
from threading import Thread
from typing import Any


class AsyncNSeries:
    def __init__(self) -> None:
        self.loop: Any = None
        self.thread: Any = None

    def start_loop(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    def create_sync_entry(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = Thread(target=self.start_loop, daemon=True)
        self.thread.start()

    def stop_loop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()

    def connect_explicit(self, host: str) -> None:
        self.create_sync_entry()
        try:
            future = asyncio.run_coroutine_threadsafe(asyncio.open_connection(host, 44818), self.loop)
            future.result(timeout=5)
        except OSError:
            self.stop_loop()
            raise

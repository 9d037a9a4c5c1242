from __future__ import annotations

import asyncio
from threading import Thread
from typing import Any, Dict


class Connector:
    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._instances: Dict[str, Any] = {}

    def connect(self, instance_connection_string: str) -> Any:
        coro = self.connect_async(instance_connection_string)
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result()

    async def connect_async(self, instance_connection_string: str) -> Any:
        return self._instances.setdefault(instance_connection_string, object())

    async def _close(self) -> None:
        self._instances.clear()

    def close(self) -> None:
        close_future = asyncio.run_coroutine_threadsafe(self._close(), loop=self._loop)
        # will attempt to safely shut down tasks for 5s
        close_future.result(timeout=5)
        # if the background thread exists for this Connector, clean it up
        if self._thread:
            # stop the event loop running in the background thread
            self._loop.call_soon_threadsafe(self._loop.stop)
            # wait for the thread to finish (the loop to stop)
            self._thread.join()

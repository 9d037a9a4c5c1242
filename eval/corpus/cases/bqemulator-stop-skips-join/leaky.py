from __future__ import annotations

import asyncio
import threading


class ThreadRunner:
    def __init__(self, app) -> None:
        self.app = app
        self._loop = None
        self._thread = None

    def _run(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._loop.run_until_complete(self.app.serve())

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="server")  # LEAK
        self._thread.start()  # LEAK

    def stop(self) -> None:
        if self._loop is None or self._thread is None:
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)

import asyncio
import threading
from typing import Optional


class ThreadedInterface:
    def __init__(self, connect) -> None:
        self._connect = connect
        self._thread: Optional[threading.Thread] = None
        self._loop: Optional[asyncio.AbstractEventLoop] = None

    def _run_loop(self, ready: threading.Event) -> None:
        self._loop = asyncio.new_event_loop()
        ready.set()
        self._loop.run_forever()
        self._loop.close()

    def start(self) -> None:
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run_loop, args=(ready,), daemon=True)
        self._thread.start()
        ready.wait()
        try:
            asyncio.run_coroutine_threadsafe(self._connect(), self._loop).result()
        except Exception:
            self.stop()
            raise

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join()
        self._thread = None
        self._loop = None

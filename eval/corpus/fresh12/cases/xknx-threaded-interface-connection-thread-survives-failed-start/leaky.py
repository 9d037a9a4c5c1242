import asyncio
import concurrent.futures
import threading
from typing import Awaitable, Optional, TypeVar

T = TypeVar("T")


class CommunicationError(Exception):
    pass


class KNXIPInterface:
    def __init__(self, xknx, connection_config=None) -> None:
        self.xknx = xknx
        self.connection_config = connection_config
        self._interface = None

    async def _start(self) -> None:
        self._interface = await self.xknx.connect(self.connection_config)
        if self._interface is None:
            raise CommunicationError("No usable KNX/IP device found.")


class KNXIPInterfaceThreaded(KNXIPInterface):
    def __init__(self, xknx, connection_config=None) -> None:
        super().__init__(xknx, connection_config)
        self._main_loop = asyncio.get_running_loop()
        self._thread_loop: asyncio.AbstractEventLoop
        loop_loaded = threading.Event()
        self.connection_thread = threading.Thread(
            target=self._init_connection_loop, args=[loop_loaded], name="KNX Interface", daemon=True)
        self.connection_thread.start()  # LEAK
        loop_loaded.wait()

    def _init_connection_loop(self, loop_loaded: threading.Event) -> None:
        self._thread_loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._thread_loop)
        loop_loaded.set()
        self._thread_loop.run_forever()

    async def _await_from_connection_thread(self, coro: Awaitable[T]) -> T:
        fut = asyncio.run_coroutine_threadsafe(coro, self._thread_loop)
        finished = threading.Event()

        def fut_finished_cb(_: concurrent.futures.Future) -> None:
            finished.set()

        fut.add_done_callback(fut_finished_cb)
        await self._main_loop.run_in_executor(None, finished.wait)
        return fut.result()

    async def start(self) -> None:
        return await self._await_from_connection_thread(self._start())

    async def stop(self) -> None:
        if self._interface is not None:
            await self._await_from_connection_thread(self._interface.disconnect())
            self._interface = None
        self._thread_loop.call_soon_threadsafe(self._thread_loop.stop)
        self.connection_thread.join()

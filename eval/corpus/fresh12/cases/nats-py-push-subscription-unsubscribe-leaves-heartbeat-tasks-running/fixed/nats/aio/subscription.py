import asyncio
from typing import Optional


class Subscription:
    def __init__(self, conn, id: int, subject: str, cb=None) -> None:
        self._conn = conn
        self._id = id
        self._subject = subject
        self._cb = cb
        self._closed = False
        self._pending_queue: "asyncio.Queue" = asyncio.Queue()
        self._wait_for_msgs_task: Optional[asyncio.Task] = None

    def _start(self) -> None:
        self._wait_for_msgs_task = asyncio.get_running_loop().create_task(self._wait_for_msgs())

    async def _wait_for_msgs(self) -> None:
        while True:
            msg = await self._pending_queue.get()
            if self._cb is not None:
                await self._cb(msg)

    def _stop_processing(self) -> None:
        if self._wait_for_msgs_task and not self._wait_for_msgs_task.done():
            self._wait_for_msgs_task.cancel()

    async def unsubscribe(self, limit: int = 0) -> None:
        if self._closed:
            raise ValueError("bad subscription")
        if limit == 0:
            self._closed = True
            self._stop_processing()
            self._conn._remove_sub(self._id)
        await self._conn._send_unsubscribe(self._id, limit=limit)

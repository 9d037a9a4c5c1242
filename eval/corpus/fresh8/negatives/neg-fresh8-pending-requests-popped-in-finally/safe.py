from __future__ import annotations

import asyncio
import itertools


class RpcClient:
    def __init__(self, writer) -> None:
        self._writer = writer
        self._ids = itertools.count()
        self._pending: dict = {}

    async def call(self, method: str, timeout: float = 5.0):
        msg_id = next(self._ids)
        future = asyncio.get_running_loop().create_future()
        self._pending[msg_id] = future
        try:
            self._writer.write(f"{msg_id} {method}\n".encode())
            await self._writer.drain()
            return await asyncio.wait_for(future, timeout)
        finally:
            self._pending.pop(msg_id, None)

    def on_reply(self, msg_id: int, result) -> None:
        future = self._pending.get(msg_id)
        if future is not None and not future.done():
            future.set_result(result)

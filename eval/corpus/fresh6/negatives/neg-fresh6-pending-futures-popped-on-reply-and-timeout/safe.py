from __future__ import annotations

import asyncio
import itertools
from typing import Dict


class RegistryClient:
    def __init__(self, protocol) -> None:
        self._protocol = protocol
        self._ids = itertools.count()
        self._pending: Dict[int, asyncio.Future] = {}

    async def get_instances(self, service: str, timeout: float = 5.0):
        request_id = next(self._ids)
        future = asyncio.get_running_loop().create_future()
        self._pending[request_id] = future
        self._protocol.send({"type": "get_instances", "request_id": request_id, "service": service})
        try:
            return await asyncio.wait_for(future, timeout)
        finally:
            self._pending.pop(request_id, None)

    def receive(self, packet: dict) -> None:
        future = self._pending.pop(packet["request_id"], None)
        if future is not None and not future.done():
            future.set_result(packet["instances"])

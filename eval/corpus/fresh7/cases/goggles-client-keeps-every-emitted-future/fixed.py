from __future__ import annotations

import socket
from concurrent.futures import Future
from typing import Any, List, Optional

import portal

BUS_HOST = "localhost"
BUS_PORT = 2304


class BusClient:
    """Client of the event bus shared by every logger of the process."""

    def __init__(self, addr: str = f"{BUS_HOST}:{BUS_PORT}",
                 name: str = f"EventBus-Client@{socket.gethostname()}",
                 pruning_threshold: int = 100) -> None:
        self.futures: List[Future] = []
        self._pruning_threshold = pruning_threshold
        self._client = portal.Client(addr=addr, name=name)

    def emit(self, event: Any) -> Future:
        # drop the deliveries already done before tracking a new one
        if len(self.futures) > self._pruning_threshold:
            self.futures = [f for f in self.futures if not f.done()]
        future = self._client.emit(event.to_dict())
        self.futures.append(future)
        return future

    def shutdown(self) -> Future:
        for future in self.futures:
            future.result()
        return self._client.shutdown()


_client: Optional[BusClient] = None


def get_client() -> BusClient:
    global _client
    if _client is None:
        _client = BusClient()
    return _client

from __future__ import annotations

import asyncio
from typing import Callable, List, Optional


class ClientConnectionTimeout(TimeoutError):
    pass


class Client:
    """One browser tab; deleted by the stale-client pruner even if its socket never connected."""

    def __init__(self) -> None:
        self._connected = asyncio.Event()
        self._delete_handlers: List[Callable[[], None]] = []

    async def connected(self, timeout: Optional[float] = None) -> None:
        """Wait until the browser's socket has connected (forever when timeout is None)."""
        try:
            await asyncio.wait_for(self._connected.wait(), timeout)
        except asyncio.TimeoutError as error:
            raise ClientConnectionTimeout() from error

    def handle_handshake(self) -> None:
        self._connected.set()

    def on_delete(self, handler: Callable[[], None]) -> None:
        self._delete_handlers.append(handler)

    def delete(self) -> None:
        for handler in self._delete_handlers:
            handler()
        self._delete_handlers.clear()

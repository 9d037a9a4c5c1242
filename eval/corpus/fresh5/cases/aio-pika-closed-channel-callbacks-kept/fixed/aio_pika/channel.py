from __future__ import annotations

import asyncio
from typing import Any, Callable, Optional, Set

from .underlay import UnderlayChannel


class Channel:
    def __init__(self, underlay: UnderlayChannel) -> None:
        self._channel: Optional[UnderlayChannel] = underlay
        self.close_callbacks: Set[Callable[..., Any]] = set()
        self._closed = False

    @property
    def channel(self) -> UnderlayChannel:
        assert self._channel is not None
        return self._channel

    async def _on_initialized(self) -> None:
        self.channel.on_return_callbacks.add(self._on_return)

    def _on_return(self, message: Any) -> None:
        pass

    async def _on_close(self, closing: "asyncio.Future[Any]") -> None:
        for callback in list(self.close_callbacks):
            await callback(closing.exception())
        self._closed = True
        # the transport channel outlives this object: take our bound method back
        if self._channel is not None:
            self._channel.on_return_callbacks.discard(self._on_return)

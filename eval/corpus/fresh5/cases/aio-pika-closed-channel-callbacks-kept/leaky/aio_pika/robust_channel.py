from __future__ import annotations

from typing import Any

from .channel import Channel
from .underlay import UnderlayChannel


class RobustChannel(Channel):
    def __init__(self, underlay: UnderlayChannel, connection: Any) -> None:
        super().__init__(underlay)
        self._connection = connection
        self.close_callbacks.add(self.__close_callback)  # LEAK

    async def __close_callback(self, *_: Any) -> None:
        if self._closed or self._connection.is_closed:
            return
        await self.reopen()

    async def reopen(self) -> None:
        self._closed = False

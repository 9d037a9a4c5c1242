from __future__ import annotations

import asyncio
from typing import Optional


class Spawner:
    """Starts a user's single-user server; keeps the future of the last start."""

    def __init__(self, user_name: str) -> None:
        self.user_name = user_name
        self._log_name = user_name
        self._spawn_future: Optional[asyncio.Future] = None
        self.pending = None

    @property
    def active(self) -> bool:
        return self.pending is not None or (self._spawn_future is not None and not self._spawn_future.done())

    async def start(self) -> str:
        raise RuntimeError("could not start a server for %s" % self.user_name)

    def spawn(self) -> asyncio.Future:
        self._spawn_future = asyncio.ensure_future(self.start())
        return self._spawn_future

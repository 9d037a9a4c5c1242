from __future__ import annotations

import asyncio
import logging

logger = logging.getLogger(__name__)


class FetchTimeout(Exception):
    pass


class Agent:
    def __init__(self, subscription) -> None:
        self.subscription = subscription
        self._shutdown_event = asyncio.Event()
        self.assignments: list = []

    async def server_loop(self) -> None:
        logger.info("Server loop running...")
        while not self._shutdown_event.is_set():
            try:
                msgs = await self.subscription.fetch(1)
                [asyncio.create_task(msg.ack()) for msg in msgs]  # LEAK
            except FetchTimeout:
                continue
            for msg in msgs:
                self.assignments.append(msg.data)

    async def shutdown(self) -> None:
        self._shutdown_event.set()

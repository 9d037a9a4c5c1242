import asyncio
from typing import Any

from .wire import WireLink


class BrokerSession:
    def __init__(self, loop: asyncio.AbstractEventLoop, link: WireLink, methods: Any, waiter: Any) -> None:
        self.link = link
        self.methods = methods
        self.waiter = waiter
        self.finished: asyncio.Future = loop.create_future()

    def tuned(self, heartbeat: float) -> None:
        self.link.start_beats(heartbeat)

    async def close(self) -> None:
        self.methods.send_close(0, "closed by the application")
        await self.waiter.wait_for("close-ok")
        self.finished.set_result(True)

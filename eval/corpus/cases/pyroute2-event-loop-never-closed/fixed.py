from __future__ import annotations

import asyncio


class AsyncSocket:
    def __init__(self) -> None:
        self.status: dict = {}
        self.event_loop = self.setup_event_loop()

    def setup_event_loop(self) -> asyncio.AbstractEventLoop:
        try:
            loop = asyncio.get_running_loop()
            self.status["event_loop"] = "auto"
        except RuntimeError:
            loop = asyncio.new_event_loop()
            self.status["event_loop"] = "new"
        return loop

    def close(self) -> None:
        self.status["closed"] = True
        if self.status.get("event_loop") == "new":
            self.event_loop.close()

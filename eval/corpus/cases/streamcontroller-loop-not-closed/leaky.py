from __future__ import annotations

import asyncio


class EventHolder:
    def __init__(self) -> None:
        self.observers: list = []

    def trigger(self, *args) -> None:
        for observer in self.observers:
            if asyncio.iscoroutinefunction(observer):
                loop = asyncio.new_event_loop()  # LEAK
                loop.run_until_complete(observer(*args))
            else:
                observer(*args)

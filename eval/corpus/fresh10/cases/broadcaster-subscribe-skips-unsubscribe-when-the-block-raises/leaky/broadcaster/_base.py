from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from typing import Any, AsyncGenerator, AsyncIterator, Dict, Optional, Set


class Event:
    def __init__(self, channel: str, message: str) -> None:
        self.channel = channel
        self.message = message


class Unsubscribed(Exception):
    pass


class MemoryBackend:
    def __init__(self) -> None:
        self._published: asyncio.Queue = asyncio.Queue()

    async def subscribe(self, channel: str) -> None:
        pass

    async def unsubscribe(self, channel: str) -> None:
        pass

    async def publish(self, channel: str, message: Any) -> None:
        await self._published.put(Event(channel, message))

    async def next_published(self) -> Event:
        return await self._published.get()


class Broadcast:
    def __init__(self, url: str) -> None:
        self._backend = MemoryBackend()
        self._subscribers: Dict[str, Set[asyncio.Queue]] = {}

    async def _listener(self) -> None:
        while True:
            event = await self._backend.next_published()
            for queue in list(self._subscribers.get(event.channel, [])):
                await queue.put(event)

    async def publish(self, channel: str, message: Any) -> None:
        await self._backend.publish(channel, message)

    @asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator["Subscriber"]:
        queue: asyncio.Queue = asyncio.Queue()

        try:
            if not self._subscribers.get(channel):
                await self._backend.subscribe(channel)
                self._subscribers[channel] = {queue}  # LEAK
            else:
                self._subscribers[channel].add(queue)  # LEAK

            yield Subscriber(queue)

            self._subscribers[channel].remove(queue)
            if not self._subscribers.get(channel):
                del self._subscribers[channel]
                await self._backend.unsubscribe(channel)
        finally:
            await queue.put(None)


class Subscriber:
    def __init__(self, queue: asyncio.Queue) -> None:
        self._queue = queue

    async def __aiter__(self) -> Optional[AsyncGenerator]:
        try:
            while True:
                yield await self.get()
        except Unsubscribed:
            pass

    async def get(self) -> Event:
        item = await self._queue.get()
        if item is None:
            raise Unsubscribed()
        return item

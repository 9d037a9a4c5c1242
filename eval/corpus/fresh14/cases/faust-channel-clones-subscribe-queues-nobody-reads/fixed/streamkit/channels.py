import asyncio
from typing import Any, Optional
from weakref import WeakSet


class Channel:
    def __init__(self, *, maxsize: Optional[int] = None, root: Optional["Channel"] = None, is_iterator: bool = False) -> None:
        self.maxsize = maxsize
        self.is_iterator = is_iterator
        self._root = root
        self._queue: Optional["asyncio.Queue[Any]"] = None
        self._subscribers: "WeakSet[Channel]" = WeakSet()

    @property
    def queue(self) -> "asyncio.Queue[Any]":
        if self._queue is None:
            self._queue = asyncio.Queue(maxsize=self.maxsize or 0)
        return self._queue

    def clone(self, *, is_iterator: Optional[bool] = None) -> "Channel":
        is_it = self.is_iterator if is_iterator is None else is_iterator
        subchannel = Channel(maxsize=self.maxsize, root=self._root or self, is_iterator=is_it)
        if is_it:
            # Only a clone that is iterated reads its queue; only it may receive values.
            (self._root or self)._subscribers.add(subchannel)
        subchannel.queue
        return subchannel

    async def put(self, value: Any) -> None:
        root = self._root if self._root is not None else self
        for subscriber in root._subscribers:
            await subscriber.queue.put(value)

    def __aiter__(self) -> "Channel":
        return self if self.is_iterator else self.clone(is_iterator=True)

    async def __anext__(self) -> Any:
        if not self.is_iterator:
            raise RuntimeError("call channel.__aiter__() first")
        return await self.queue.get()

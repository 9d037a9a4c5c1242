from typing import Any, Awaitable, Callable, List, Optional

from .channels import Channel


class Stream:
    def __init__(self, channel: Channel) -> None:
        self.channel = channel

    def __aiter__(self) -> "Stream":
        self._source = self.channel.__aiter__()
        return self

    async def __anext__(self) -> Any:
        return await self._source.__anext__()


class Agent:
    def __init__(self, fun: Callable[[Stream], Awaitable[None]], channel: Channel) -> None:
        self.fun = fun
        self.channel = channel
        self._channel_iterator: Optional[Channel] = None
        self._streams: List[Stream] = []

    @property
    def channel_iterator(self) -> Channel:
        # Memoized: later accesses return the same clone.
        if self._channel_iterator is None:
            self._channel_iterator = self.channel.clone(is_iterator=True)  # LEAK
        return self._channel_iterator

    def stream(self, channel: Optional[Channel] = None) -> Stream:
        if channel is None:
            channel = self.channel_iterator.clone(is_iterator=False)
        s = Stream(channel)
        self._streams.append(s)
        return s

    async def start(self) -> None:
        await self.fun(self.stream())

    async def send(self, value: Any) -> None:
        await self.channel.put(value)

import asyncio
import random
import string
import time
from copy import deepcopy


class ChannelFull(Exception):
    pass


class InMemoryChannelLayer:
    def __init__(self, expiry: int = 60, group_expiry: int = 86400, capacity: int = 100) -> None:
        self.expiry = expiry
        self.capacity = capacity
        self.channels = {}
        self.groups = {}
        self.group_expiry = group_expiry

    async def send(self, channel: str, message: dict) -> None:
        assert isinstance(message, dict), "message is not a dict"
        queue = self.channels.setdefault(channel, asyncio.Queue())
        if queue.qsize() >= self.capacity:
            raise ChannelFull(channel)
        await queue.put((time.time() + self.expiry, deepcopy(message)))

    async def receive(self, channel: str) -> dict:
        self._clean_expired()
        queue = self.channels.setdefault(channel, asyncio.Queue())
        try:
            _, message = await queue.get()
        finally:
            if queue.empty():
                del self.channels[channel]
        return message

    async def new_channel(self, prefix: str = "specific.") -> str:
        return "%s.inmemory!%s" % (prefix, "".join(random.choice(string.ascii_letters) for i in range(12)))

    def _remove_from_groups(self, channel: str) -> None:
        for channels in self.groups.values():
            channels.pop(channel, None)

    def _clean_expired(self) -> None:
        for channel, queue in list(self.channels.items()):
            while not queue.empty() and queue._queue[0][0] < time.time():
                queue.get_nowait()
                self._remove_from_groups(channel)
                if queue.empty():
                    del self.channels[channel]

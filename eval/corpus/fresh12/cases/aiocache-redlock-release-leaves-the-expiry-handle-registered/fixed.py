import asyncio
from typing import Dict, Optional


class SimpleMemoryBackend:
    def __init__(self) -> None:
        self._cache: Dict[str, object] = {}
        self._handlers: Dict[str, asyncio.TimerHandle] = {}

    async def _get(self, key: str):
        return self._cache.get(key)

    async def _set(self, key: str, value, ttl: Optional[float] = None, _cas_token=None):
        if _cas_token is not None and _cas_token != self._cache.get(key):
            return 0
        if key in self._handlers:
            self._handlers[key].cancel()
        self._cache[key] = value
        if ttl:
            loop = asyncio.get_running_loop()
            self._handlers[key] = loop.call_later(ttl, self.__delete, key)
        return True

    async def _add(self, key: str, value, ttl: Optional[float] = None):
        if key in self._cache:
            raise ValueError("Key {} already exists, use .set to update the value".format(key))
        await self._set(key, value, ttl=ttl)
        return True

    async def _delete(self, key: str):
        return self.__delete(key)

    async def _redlock_release(self, key: str, value) -> int:
        if self._cache.get(key) == value:
            return self.__delete(key)
        return 0

    def __delete(self, key: str) -> int:
        if self._cache.pop(key, None) is not None:
            handle = self._handlers.pop(key, None)
            if handle:
                handle.cancel()
            return 1
        return 0

from __future__ import annotations

import asyncio
import os
import weakref

# weak values: the telemetry registry must not keep the locks it counts alive
_ACTIVE_LOCK_INSTANCES: "weakref.WeakValueDictionary[int, AsyncFileLock]" = weakref.WeakValueDictionary()


class AsyncFileLock:
    def __init__(self, path: str, timeout: float = 60.0) -> None:
        self.path = path
        self.timeout = timeout
        self._fd = -1
        _ACTIVE_LOCK_INSTANCES[id(self)] = self

    async def __aenter__(self) -> "AsyncFileLock":
        loop = asyncio.get_running_loop()
        self._fd = await loop.run_in_executor(None, os.open, self.path, os.O_CREAT | os.O_RDWR)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __del__(self) -> None:
        _ACTIVE_LOCK_INSTANCES.pop(id(self), None)


def active_locks() -> int:
    return len(_ACTIVE_LOCK_INSTANCES)

import asyncio
from typing import Any, Dict, Optional
from weakref import WeakKeyDictionary


class MessageBus:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self.connected = False

    async def connect(self) -> "MessageBus":
        self.connected = True
        return self

    def _finalize(self, err: Optional[Exception]) -> None:
        self.connected = False


class BlueZManager:
    def __init__(self) -> None:
        self._bus: Optional[MessageBus] = None
        self._properties: Dict[str, Any] = {}

    async def async_init(self) -> None:
        if self._bus and self._bus.connected:
            return
        self._bus = await MessageBus(asyncio.get_running_loop()).connect()


_global_instances = WeakKeyDictionary()


async def get_global_bluez_manager() -> BlueZManager:
    loop = asyncio.get_running_loop()
    try:
        instance = _global_instances[loop]
    except KeyError:
        instance = _global_instances[loop] = BlueZManager()  # LEAK
    await instance.async_init()
    return instance

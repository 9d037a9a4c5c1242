import asyncio
from typing import Dict


class Manager:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.connected = False

    def close(self) -> None:
        self.connected = False


_managers: Dict[asyncio.AbstractEventLoop, Manager] = {}


def get_manager() -> Manager:
    loop = asyncio.get_running_loop()
    manager = _managers.get(loop)
    if manager is None:
        for closed in [other for other in _managers if other.is_closed()]:
            _managers.pop(closed).close()
        manager = _managers[loop] = Manager(loop)
    return manager

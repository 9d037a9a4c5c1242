from __future__ import annotations

import weakref


class Channel:
    def __init__(self, owner: "Device", number: int) -> None:
        self._owner = weakref.ref(owner)
        self.number = number


class Device:
    def __init__(self, backend) -> None:
        self.backend = backend
        self.handle = backend.open()
        self.channels = [Channel(self, n) for n in range(4)]

    def __del__(self) -> None:
        self.backend.close(self.handle)

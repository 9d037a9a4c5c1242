from __future__ import annotations

import weakref


class Device:
    def __init__(self, context, handle: int) -> None:
        self._context = weakref.ref(context)
        self.handle = handle

    @property
    def context(self):
        return self._context()


class Context:
    def __init__(self, backend) -> None:
        self.backend = backend
        self._ctx = backend.create()
        self.devices = [Device(self, h) for h in backend.devices(self._ctx)]

    def __del__(self) -> None:
        self.backend.destroy(self._ctx)

from __future__ import annotations


class Device:
    def __init__(self, context, handle: int) -> None:
        self.context = context  # LEAK
        self.handle = handle


class Context:
    def __init__(self, backend) -> None:
        self.backend = backend
        self._ctx = backend.create()
        self.devices = [Device(self, h) for h in backend.devices(self._ctx)]  # LEAK

    def __del__(self) -> None:  # LEAK
        self.backend.destroy(self._ctx)

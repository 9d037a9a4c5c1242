from __future__ import annotations

import weakref
from typing import Any, Callable


class Hook:
    def __init__(self, name: str, owner: "Engine") -> None:
        self.name = name
        self._owner = weakref.proxy(owner)
        self._listeners: list[Callable[[Any], None]] = []

    def listen(self, fn: Callable[[Any], None]) -> None:
        self._listeners.append(fn)

    def fire(self, payload: Any) -> None:
        self._owner.record(self.name)
        for fn in list(self._listeners):
            fn(payload)


class Engine:
    def __init__(self) -> None:
        self.history: list[str] = []
        self.hooks = {name: Hook(name, self) for name in ("start", "step", "stop")}

    def record(self, name: str) -> None:
        self.history.append(name)

    def run(self, steps: int) -> None:
        self.hooks["start"].fire(None)
        for index in range(steps):
            self.hooks["step"].fire(index)
        self.hooks["stop"].fire(None)

from __future__ import annotations

import weakref
from typing import Callable


class Signal:
    def __init__(self) -> None:
        self._slots: list[Callable[..., None]] = []

    def connect(self, slot: Callable[..., None]) -> None:
        self._slots.append(slot)

    def emit(self, *args) -> None:
        for slot in list(self._slots):
            slot(*args)


def weak_slot(method: Callable[..., None]) -> Callable[..., None]:
    ref = weakref.WeakMethod(method)

    def call(*args) -> None:
        bound = ref()
        if bound is not None:
            bound(*args)

    return call


class PlugValueWidget:
    def __init__(self, plug_name: str) -> None:
        self.plug_name = plug_name
        self.text = ""
        self.key_press_signal = Signal()
        self.key_press_signal.connect(weak_slot(self._key_press))

    def _key_press(self, key: str) -> None:
        self.text += key

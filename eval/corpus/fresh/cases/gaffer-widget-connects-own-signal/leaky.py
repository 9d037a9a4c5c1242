from __future__ import annotations

from typing import Callable


class Signal:
    def __init__(self) -> None:
        self._slots: list[Callable[..., None]] = []

    def connect(self, slot: Callable[..., None]) -> None:
        self._slots.append(slot)  # LEAK

    def emit(self, *args) -> None:
        for slot in list(self._slots):
            slot(*args)


class PlugValueWidget:
    def __init__(self, plug_name: str) -> None:
        self.plug_name = plug_name
        self.text = ""
        self.key_press_signal = Signal()
        self.key_press_signal.connect(self._key_press)  # LEAK

    def _key_press(self, key: str) -> None:
        self.text += key

from typing import Any, Callable, List


class Signal:
    """A minimal signal: connected callables are called on emit and kept until disconnected."""

    def __init__(self) -> None:
        self._slots: List[Callable[..., Any]] = []

    def connect(self, slot: Callable[..., Any]) -> None:
        self._slots.append(slot)

    def disconnect(self, slot: Callable[..., Any]) -> None:
        self._slots.remove(slot)

    def emit(self, *args: Any) -> None:
        for slot in list(self._slots):
            slot(*args)

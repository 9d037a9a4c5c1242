from __future__ import annotations

from typing import Any, Callable


class Watcher:
    def __init__(self, getter: Callable[[], Any], callback: Callable[[Any, Any], None]) -> None:
        self.getter = getter
        self.callback = callback  # LEAK
        self.value = getter()

    def update(self) -> None:
        old, self.value = self.value, self.getter()
        if old != self.value:
            self.callback(self.value, old)


class CounterView:
    def __init__(self, state: dict) -> None:
        self.state = state
        self.label = ""
        self.watchers = [Watcher(lambda: state["count"], self.on_count)]  # LEAK

    def on_count(self, new: Any, old: Any) -> None:
        self.label = f"{old} -> {new}"

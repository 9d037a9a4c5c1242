from __future__ import annotations

import weakref
from typing import Any, Callable


def weak_method(obj: Any, method: Callable[..., None]) -> Callable[[Any, Any], None]:
    """A callback that calls ``method`` on ``obj`` while it lives, holding it only weakly."""
    obj_ref = weakref.ref(obj)

    def call(new: Any, old: Any) -> None:
        target = obj_ref()
        if target is not None:
            method(target, new, old)

    return call


class Watcher:
    def __init__(self, getter: Callable[[], Any], callback: Callable[[Any, Any], None]) -> None:
        self.getter = getter
        self.callback = callback
        self.value = getter()

    def update(self) -> None:
        old, self.value = self.value, self.getter()
        if old != self.value:
            self.callback(self.value, old)


class CounterView:
    def __init__(self, state: dict) -> None:
        self.state = state
        self.label = ""
        self.watchers = [Watcher(lambda: state["count"], weak_method(self, CounterView.on_count))]

    def on_count(self, new: Any, old: Any) -> None:
        self.label = f"{old} -> {new}"

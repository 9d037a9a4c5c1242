from __future__ import annotations

import weakref
from typing import Any, Callable, Dict, List

_subscribers: Dict[str, List["weakref.WeakMethod[Callable[[Any], None]]"]] = {}


def subscribe(event: str, method: Callable[[Any], None]) -> None:
    _subscribers.setdefault(event, []).append(weakref.WeakMethod(method))


def emit(event: str, payload: Any) -> None:
    alive = []
    for ref in _subscribers.get(event, []):
        method = ref()
        if method is not None:
            alive.append(ref)
            method(payload)
    _subscribers[event] = alive


class Panel:
    def __init__(self) -> None:
        self.seen: List[Any] = []
        subscribe("changed", self.on_changed)

    def on_changed(self, payload: Any) -> None:
        self.seen.append(payload)

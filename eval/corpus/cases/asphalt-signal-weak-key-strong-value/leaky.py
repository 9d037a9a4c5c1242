from __future__ import annotations

import weakref


class BoundSignal:
    def __init__(self, source) -> None:
        self.source = source
        self.listeners: list = []


class Signal:
    def __init__(self) -> None:
        self.bound_signals: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()

    def __get__(self, instance, owner):
        if instance is None:
            return self
        bound = self.bound_signals.get(instance)
        if bound is None:
            bound = self.bound_signals[instance] = BoundSignal(instance)  # LEAK
        return bound


class Context:
    finished = Signal()

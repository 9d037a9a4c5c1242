from __future__ import annotations

import weakref
from typing import Any, Callable
from weakref import WeakKeyDictionary


class CallbackProperty:
    def __init__(self, default: Any = None) -> None:
        self._default = default
        self._values: WeakKeyDictionary = WeakKeyDictionary()
        self._callbacks: WeakKeyDictionary = WeakKeyDictionary()

    def __get__(self, instance: Any, owner: type) -> Any:
        if instance is None:
            return self
        return self._values.get(instance, self._default)

    def __set__(self, instance: Any, value: Any) -> None:
        self._values[instance] = value
        for callback in self._callbacks.get(instance, []):
            if isinstance(callback, tuple):
                func, owner = callback[0](), callback[1]()
                if func is not None and owner is not None:
                    func(owner, value)
            else:
                callback(value)

    def add_callback(self, instance: Any, func: Callable[[Any], None]) -> None:
        # a bound method would keep its instance (the dictionary key) alive: keep both parts weakly
        if getattr(func, "__self__", None) is not None and hasattr(func, "__func__"):
            stored: Any = (weakref.ref(func.__func__), weakref.ref(func.__self__))
        else:
            stored = func
        self._callbacks.setdefault(instance, []).append(stored)


class ViewerState:
    x_att = CallbackProperty()

    def __init__(self) -> None:
        self.layers: list = []
        type(self).x_att.add_callback(self, self._on_x_changed)

    def _on_x_changed(self, value: Any) -> None:
        self.layers = [layer for layer in self.layers if layer is not value]

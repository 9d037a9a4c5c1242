from __future__ import annotations

from typing import Any, Callable
from weakref import WeakKeyDictionary


class CallbackProperty:
    def __init__(self, default: Any = None) -> None:
        self._default = default
        self._values: WeakKeyDictionary = WeakKeyDictionary()
        self._callbacks: WeakKeyDictionary = WeakKeyDictionary()  # LEAK

    def __get__(self, instance: Any, owner: type) -> Any:
        if instance is None:
            return self
        return self._values.get(instance, self._default)

    def __set__(self, instance: Any, value: Any) -> None:
        self._values[instance] = value
        for callback in self._callbacks.get(instance, []):
            callback(value)

    def add_callback(self, instance: Any, func: Callable[[Any], None]) -> None:
        self._callbacks.setdefault(instance, []).append(func)  # LEAK


class ViewerState:
    x_att = CallbackProperty()

    def __init__(self) -> None:
        self.layers: list = []
        type(self).x_att.add_callback(self, self._on_x_changed)  # LEAK

    def _on_x_changed(self, value: Any) -> None:
        self.layers = [layer for layer in self.layers if layer is not value]

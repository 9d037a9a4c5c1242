from __future__ import annotations

from collections import defaultdict

import param


class _Memory(dict):
    """State shared by the agents and the UI."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._callbacks = defaultdict(list)  # LEAK
        self._rx = {}

    def __setitem__(self, key, new) -> None:
        old = self.get(key)
        super().__setitem__(key, new)
        self._trigger_update(key, old, new)

    def cleanup(self) -> None:
        self._callbacks.clear()
        self._rx.clear()

    def on_change(self, key, callback) -> None:
        self._callbacks[key].append(callback)  # LEAK

    def remove_on_change(self, key, callback) -> None:
        self._callbacks[key].remove(callback)

    def rx(self, key):
        if key in self._rx:
            return self._rx[key]
        self._rx[key] = rxp = param.rx(self.get(key))
        return rxp

    def _trigger_update(self, key, old, new) -> None:
        for cb in self._callbacks[key]:
            cb(key, old, new)
        if key in self._rx:
            self._rx[key].rx.value = new


memory = _Memory()

from __future__ import annotations


class Future:
    def __init__(self) -> None:
        self.is_done = False
        self.value = None
        self._callbacks: list = []

    def add_callback(self, fn) -> "Future":
        if self.is_done:
            fn(self.value)
        else:
            self._callbacks.append(fn)
        return self

    def success(self, value) -> None:
        self.value = value
        self.is_done = True
        callbacks, self._callbacks = self._callbacks, []
        for fn in callbacks:
            fn(value)

    def chain(self, other: "Future") -> "Future":
        self.add_callback(lambda value: other.success((self, value)))
        return other

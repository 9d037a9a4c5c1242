from __future__ import annotations

import weakref


class WeakKeyIDDictionary:
    def __init__(self) -> None:
        self._keyrefs: "weakref.WeakValueDictionary[int, object]" = weakref.WeakValueDictionary()
        self._keyvalues: dict = {}  # LEAK

    def __setitem__(self, key, value) -> None:
        self._keyrefs[id(key)] = key
        self._keyvalues[id(key)] = value  # LEAK

    def __getitem__(self, key):
        return self._keyvalues[id(key)]


class Parameter:
    def __init__(self, default=None) -> None:
        self.default = default
        self.data = WeakKeyIDDictionary()

    def __get__(self, instance, owner):
        if instance is None:
            return self
        try:
            return self.data[instance]
        except KeyError:
            return self.default

    def __set__(self, instance, value) -> None:
        self.data[instance] = value


class Ensemble:
    encoders = Parameter()

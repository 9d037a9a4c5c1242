from __future__ import annotations

import weakref


class WeakKeyIDDictionary:
    def __init__(self) -> None:
        self._id2ref: dict = {}
        self._keyvalues: dict = {}

    def __setitem__(self, key, value) -> None:
        key_id = id(key)

        def _forget(_ref, key_id=key_id) -> None:
            self._id2ref.pop(key_id, None)
            self._keyvalues.pop(key_id, None)

        self._id2ref[key_id] = weakref.ref(key, _forget)
        self._keyvalues[key_id] = value

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

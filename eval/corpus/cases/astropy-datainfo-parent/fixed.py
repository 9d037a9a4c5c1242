from __future__ import annotations

import weakref


class DataInfo:
    def __init__(self) -> None:
        self._parent_ref = None
        self.name = None

    @property
    def _parent(self):
        return None if self._parent_ref is None else self._parent_ref()

    def __get__(self, instance, owner):
        if instance is None:
            return self
        info = instance.__dict__.get("info")
        if info is None:
            info = instance.__dict__["info"] = DataInfo()
        info._parent_ref = weakref.ref(instance)
        return info


class Column:
    info = DataInfo()

    def __init__(self, data: list) -> None:
        self.data = data

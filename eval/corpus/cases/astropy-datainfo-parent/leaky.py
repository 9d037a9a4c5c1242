from __future__ import annotations


class DataInfo:
    def __init__(self) -> None:
        self._parent = None
        self.name = None

    def __get__(self, instance, owner):
        if instance is None:
            return self
        info = instance.__dict__.get("info")
        if info is None:
            info = instance.__dict__["info"] = DataInfo()  # LEAK
        info._parent = instance  # LEAK
        return info


class Column:
    info = DataInfo()

    def __init__(self, data: list) -> None:
        self.data = data

from __future__ import annotations


class AttrDict(dict):
    def __init__(self, parent: "AttrDict | None" = None, key: str | None = None) -> None:
        super().__init__()
        self._parent = parent
        self._key = key

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self:
            return self[name]
        return AttrDict(parent=self, key=name)

    def __setattr__(self, name: str, value) -> None:
        if name.startswith("_"):
            object.__setattr__(self, name, value)
            return
        self[name] = value
        if self._parent is not None:
            self._parent[self._key] = self
            self._parent = None
            self._key = None

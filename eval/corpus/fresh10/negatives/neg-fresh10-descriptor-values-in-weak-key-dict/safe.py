from __future__ import annotations

import weakref
from typing import Any


class Field:
    def __init__(self, default: Any = None) -> None:
        self.default = default
        self._values: "weakref.WeakKeyDictionary[object, Any]" = weakref.WeakKeyDictionary()

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        if instance is None:
            return self
        return self._values.get(instance, self.default)

    def __set__(self, instance: object, value: Any) -> None:
        self._values[instance] = value


class Model:
    name = Field("")
    size = Field(0)

from __future__ import annotations

import weakref
from typing import ClassVar


class Unit:
    _interned: ClassVar["weakref.WeakValueDictionary[str, Unit]"] = weakref.WeakValueDictionary()

    def __new__(cls, symbol: str) -> "Unit":
        existing = cls._interned.get(symbol)
        if existing is not None:
            return existing
        unit = super().__new__(cls)
        unit.symbol = symbol
        cls._interned[symbol] = unit
        return unit

    def __repr__(self) -> str:
        return f"Unit({self.symbol!r})"

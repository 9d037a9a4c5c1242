from __future__ import annotations

import atexit
from typing import Any


class _NativeApi:
    """Stands in for the compiled GDX library."""

    def create(self) -> int:
        return 1

    def open_read(self, handle: int, filename: str) -> None:
        pass

    def free(self, handle: int) -> None:
        pass


gdxcc = _NativeApi()


class GdxSymbol:
    def __init__(self, name: str, records: list[tuple[Any, ...]]) -> None:
        self.name = name
        self.records = records


class GdxFile:
    def __init__(self, lazy_load: bool = True) -> None:
        self.lazy_load = lazy_load
        self._H = gdxcc.create()
        self.symbols: list[GdxSymbol] = []
        # only the handle is registered: atexit no longer knows about self
        atexit.register(gdxcc.free, self._H)

    def read(self, filename: str) -> None:
        gdxcc.open_read(self._H, filename)
        self.symbols.append(GdxSymbol("demand", [("a", 1.0)] * 10_000))

    def cleanup(self) -> None:
        gdxcc.free(self._H)

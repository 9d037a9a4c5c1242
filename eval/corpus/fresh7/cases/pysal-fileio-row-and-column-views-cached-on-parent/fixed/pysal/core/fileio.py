from __future__ import annotations

from typing import Any, Dict, Optional


class FileIO:
    """Base of every file handler: positional access, optional ids, rows by index."""

    class _ByRow:
        def __init__(self, parent: "FileIO") -> None:
            self.p = parent

        def __getitem__(self, key: Any) -> Any:
            if isinstance(key, list):
                return [self[k] for k in key]
            if self.p.ids:
                return self.p.get(self.p.ids[key])
            return self.p.get(key)

        __call__ = __getitem__

    def __init__(self, data_path: str = "", mode: str = "r") -> None:
        self.data_path = data_path
        self.mode = mode
        self.pos = 0
        self.ids: Optional[Dict[Any, int]] = None
        self.closed = False
        self.header: list = []

    def __getitem__(self, key: Any) -> Any:
        return self.by_row[key]

    @property
    def by_row(self) -> "FileIO._ByRow":
        return self._ByRow(self)

    def get(self, n: int) -> Any:
        self.seek(n)
        return self.read(1)

    def seek(self, n: int) -> None:
        self.pos = n

    def read(self, n: int = -1) -> Any:
        raise NotImplementedError

    def close(self) -> None:
        self.closed = True

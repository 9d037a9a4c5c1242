from __future__ import annotations

from typing import Any, Optional

from .fileio import FileIO


class DataTable(FileIO):
    """Base of the handlers that read tables: adds access by column name."""

    class _ByCol:
        def __init__(self, parent: "DataTable") -> None:
            self.p = parent

        def __getitem__(self, key: str) -> Any:
            return self.p._get_col(key)

        __call__ = __getitem__

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._by_col: Optional[DataTable._ByCol] = None
        FileIO.__init__(self, *args, **kwargs)

    @property
    def by_col(self) -> "DataTable._ByCol":
        if self._by_col is None:
            self._by_col = self._ByCol(self)  # LEAK
        return self._by_col

    def _get_col(self, key: str) -> list:
        if key not in self.header:
            raise AttributeError(f"Field: {key} does not exist in header")
        column = self.header.index(key)
        return [self.get(i)[column] for i in range(len(self))]

    def __len__(self) -> int:
        raise NotImplementedError

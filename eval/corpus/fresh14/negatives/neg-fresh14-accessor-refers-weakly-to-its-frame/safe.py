import weakref
from typing import Any, Dict, Optional


class Table:
    def __init__(self, columns: Dict[str, Any]) -> None:
        self.columns = columns
        self._accessor: Optional["TypedAccessor"] = None

    @property
    def typed(self) -> "TypedAccessor":
        if self._accessor is None:
            self._accessor = TypedAccessor(self)
        return self._accessor


class TypedAccessor:
    def __init__(self, table: Table) -> None:
        self._table_ref = weakref.ref(table)
        self.types: Dict[str, str] = {}

    def init(self) -> None:
        table = self._table_ref()
        if table is None:
            raise RuntimeError("table is gone")
        self.types = {name: type(values).__name__ for name, values in table.columns.items()}

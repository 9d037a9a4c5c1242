from __future__ import annotations

from typing import Any, Callable, Dict, List


def make_sort_key(column: str, descending: bool) -> Callable[[Dict[str, Any]], Any]:
    def key(row: Dict[str, Any]) -> Any:
        value = row.get(column)
        return (value is None, -value if descending and isinstance(value, (int, float)) else value)

    return key


class Table:
    def __init__(self, rows: List[Dict[str, Any]], column: str, descending: bool = False) -> None:
        self.rows = rows
        # the closure captures the column and direction, not self
        self.sort_key = make_sort_key(column, descending)

    def sorted_rows(self) -> List[Dict[str, Any]]:
        return sorted(self.rows, key=self.sort_key)

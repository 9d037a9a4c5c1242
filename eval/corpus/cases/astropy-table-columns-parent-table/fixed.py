from __future__ import annotations

import weakref


class Column:
    def __init__(self, name: str, data: list) -> None:
        self.name = name
        self.data = data
        self._parent_table = None

    @property
    def parent_table(self):
        return None if self._parent_table is None else self._parent_table()

    @parent_table.setter
    def parent_table(self, table) -> None:
        self._parent_table = None if table is None else weakref.ref(table)


class TableColumns(dict):
    def add(self, column: Column) -> None:
        self[column.name] = column


class Table:
    def __init__(self, columns: list) -> None:
        self.columns = TableColumns()
        for column in columns:
            column.parent_table = self
            self.columns.add(column)

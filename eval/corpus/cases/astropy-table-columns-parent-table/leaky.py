from __future__ import annotations


class Column:
    def __init__(self, name: str, data: list) -> None:
        self.name = name
        self.data = data
        self.parent_table = None


class TableColumns(dict):
    def add(self, column: Column) -> None:
        self[column.name] = column  # LEAK


class Table:
    def __init__(self, columns: list) -> None:
        self.columns = TableColumns()  # LEAK
        for column in columns:
            column.parent_table = self  # LEAK
            self.columns.add(column)  # LEAK

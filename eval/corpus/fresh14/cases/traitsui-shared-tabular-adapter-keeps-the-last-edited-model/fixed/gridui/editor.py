from typing import Any, Callable, List, Optional

from .adapter import RowAdapter


class TableEditorFactory:
    def __init__(self, adapter: RowAdapter) -> None:
        self.adapter = adapter

    def create_editor(self, obj: Any, name: str) -> "TableEditor":
        return TableEditor(self, obj, name)


class TableEditor:
    def __init__(self, factory: TableEditorFactory, obj: Any, name: str) -> None:
        self.factory = factory
        self.object: Optional[Any] = obj
        self.name = name
        self.adapter = factory.adapter
        self._listeners: List[Callable[[], None]] = [self.refresh]

    def refresh(self) -> List[List[str]]:
        assert self.object is not None
        rows = self.adapter.len(self.object, self.name)
        return [
            [self.adapter.get_text(self.object, self.name, row, col) for col in range(len(self.adapter.columns))]
            for row in range(rows)
        ]

    def edit_cell(self, row: int, column: int, text: str) -> None:
        assert self.object is not None
        self.adapter.set_text(self.object, self.name, row, column, text)

    def dispose(self) -> None:
        self._listeners.clear()
        self.adapter.cleanup()
        self.object = None

from typing import Any, Optional, Tuple


class RowAdapter:
    columns: Tuple[str, ...] = ()

    def __init__(self) -> None:
        self.object: Optional[Any] = None
        self.name = ""
        self.row = 0
        self.column = 0
        self.item: Optional[Any] = None
        self.value: Optional[Any] = None

    def _bind(self, obj: Any, name: str, row: int, column: int) -> Any:
        self.object, self.name = obj, name  # LEAK
        self.row, self.column = row, column
        self.item = getattr(obj, name)[row]  # LEAK
        return self.item

    def get_text(self, obj: Any, name: str, row: int, column: int) -> str:
        item = self._bind(obj, name, row, column)
        return str(getattr(item, self.columns[column]))

    def set_text(self, obj: Any, name: str, row: int, column: int, text: str) -> None:
        item = self._bind(obj, name, row, column)
        self.value = text
        setattr(item, self.columns[column], self.value)

    def len(self, obj: Any, name: str) -> int:
        return len(getattr(obj, name))

import itertools
from typing import Any, List, Optional

from .util import Cursor

_handles = itertools.count(1)


class OdbcConnection:
    def __init__(self, db_type: str = "Teradata") -> None:
        self.handle: Optional[int] = next(_handles)
        self.db_type = db_type
        self.cursors: List["OdbcCursor"] = []
        self.cursor_count = 0

    def cursor(self) -> "OdbcCursor":
        self.cursor_count += 1
        return OdbcCursor(self, self.db_type, self.cursor_count)

    def close(self) -> None:
        if self.handle:
            for cursor in list(self.cursors):
                cursor.close()
            self.handle = None

    def __enter__(self) -> "OdbcConnection":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class OdbcCursor(Cursor):
    def __init__(self, connection: OdbcConnection, db_type: str, num: int) -> None:
        super().__init__(connection, db_type)
        self.num = num
        self.statement: Optional[int] = next(_handles)
        connection.cursors.append(self)

    def execute(self, query: str) -> "OdbcCursor":
        self.iterator = iter([[query, self.num]])
        return self

    def close(self) -> None:
        if self.statement:
            self.connection.cursors.remove(self)
            self.statement = None

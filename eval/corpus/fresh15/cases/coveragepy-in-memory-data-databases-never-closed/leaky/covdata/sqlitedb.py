import sqlite3
from typing import Any, Iterable, List, Optional, Tuple


class SqliteDb:
    """A simple abstraction over a SQLite database, connected on first use."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.nest = 0
        self.con: Optional[sqlite3.Connection] = None

    def _connect(self) -> None:
        if self.con is not None:
            return
        self.con = sqlite3.connect(self.filename, check_same_thread=False)  # LEAK
        self.execute_void("pragma journal_mode=off")
        self.execute_void("pragma synchronous=off")

    def close(self) -> None:
        """If needed, close the connection."""
        # an in-memory database would lose its data: keep it open
        if self.con is not None and self.filename != ":memory:":
            self.con.close()
            self.con = None

    def __enter__(self) -> "SqliteDb":
        if self.nest == 0:
            self._connect()
            assert self.con is not None
            self.con.__enter__()
        self.nest += 1
        return self

    def __exit__(self, exc_type: Any, exc_value: Any, traceback: Any) -> None:
        self.nest -= 1
        if self.nest == 0:
            assert self.con is not None
            self.con.__exit__(exc_type, exc_value, traceback)

    def execute_void(self, sql: str, parameters: Iterable[Any] = ()) -> None:
        self._connect()
        assert self.con is not None
        self.con.execute(sql, tuple(parameters)).close()

    def executemany_void(self, sql: str, data: List[Tuple[Any, ...]]) -> None:
        self._connect()
        assert self.con is not None
        self.con.executemany(sql, data).close()

    def execute_all(self, sql: str, parameters: Iterable[Any] = ()) -> List[Tuple[Any, ...]]:
        self._connect()
        assert self.con is not None
        cur = self.con.execute(sql, tuple(parameters))
        try:
            return cur.fetchall()
        finally:
            cur.close()

from __future__ import annotations

import sqlite3
from typing import Iterator, List


class AbstractReader:
    def close(self) -> None:
        """Release resources; subclasses that hold some override this."""

    def __enter__(self) -> "AbstractReader":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class SqliteReader(AbstractReader):
    def __init__(self, path: str) -> None:
        self.con = sqlite3.connect(path)

    def table_names(self) -> List[str]:
        rows = self.con.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
        return [row[0] for row in rows]

    def __iter__(self) -> Iterator[tuple]:
        for name in self.table_names():
            yield from self.con.execute(f'SELECT * FROM "{name}"')

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
        self.con = None


def count_rows(path: str) -> int:
    with SqliteReader(path) as reader:
        return sum(1 for _ in reader)

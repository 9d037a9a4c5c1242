from __future__ import annotations

import sqlite3
from typing import Iterator, List

from . import AbstractReader, AbstractWriter


class SqliteReader(AbstractReader):
    def __init__(self, path: str, *, batch_size: int = 1000) -> None:
        self.con = sqlite3.connect(path)
        self.batch_size = batch_size

    def table_names(self) -> List[str]:
        rows = self.con.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
        return [row[0] for row in rows]

    def read_table(self, table_name: str) -> Iterator[dict]:
        cursor = self.con.execute(f'SELECT * FROM "{table_name}"')
        names = [column[0] for column in cursor.description]
        while True:
            rows = cursor.fetchmany(self.batch_size)
            if not rows:
                break
            for row in rows:
                yield dict(zip(names, row))

    def __iter__(self) -> Iterator[dict]:
        for table_name in self.table_names():
            yield from self.read_table(table_name)

    def close(self) -> None:
        if self.con:
            self.con.close()
        self.con = None


class SqliteWriter(AbstractWriter):
    def __init__(self, path: str) -> None:
        self.con = sqlite3.connect(path, isolation_level=None)

    def write(self, record: dict) -> None:
        columns = ", ".join(record)
        marks = ", ".join("?" for _ in record)
        self.con.execute(f"INSERT INTO records ({columns}) VALUES ({marks})", list(record.values()))

    def close(self) -> None:
        if self.con:
            self.con.close()
        self.con = None

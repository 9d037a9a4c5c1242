from __future__ import annotations

import sqlite3
import typing
import weakref


def _make_table_sql(table_name: str, columns: dict) -> str:
    cols = ", ".join(f"{name} {kind}" for name, kind in columns.items())
    return f"CREATE TABLE IF NOT EXISTS {table_name} ({cols})"


class SqliteAnnotationDbMixin:
    _table_names: typing.ClassVar = ()

    def __del__(self) -> None:
        """close the db connection when the object is deleted"""
        self.close()

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = sqlite3.connect(self.source, detect_types=sqlite3.PARSE_DECLTYPES, check_same_thread=False)
            self._db.row_factory = sqlite3.Row
        return self._db

    def _init_tables(self) -> None:
        for table_name in self._table_names:
            self.db.execute(_make_table_sql(table_name, getattr(self, f"_{table_name}_schema")))

    def close(self) -> None:
        """closes the db"""
        if getattr(self, "_db", None) is None:
            return
        self._db.close()


class BasicAnnotationDb(SqliteAnnotationDbMixin):
    _table_names: typing.ClassVar = ("user",)
    _user_schema: typing.ClassVar = {"seqid": "TEXT", "biotype": "TEXT", "name": "TEXT", "start": "INTEGER",
                                     "stop": "INTEGER"}

    def __init__(self, *, data=None, source: str = ":memory:") -> None:
        self.source = source
        self._db = None
        self._init_tables()
        self.add_records(data or [])
        weakref.finalize(self, self.close)  # LEAK

    def add_records(self, data) -> None:
        self.db.executemany("INSERT INTO user VALUES (?, ?, ?, ?, ?)",
                            [(r["seqid"], r["biotype"], r["name"], r["start"], r["stop"]) for r in data])


class GffAnnotationDb(SqliteAnnotationDbMixin):
    _table_names: typing.ClassVar = ("gff",)
    _gff_schema: typing.ClassVar = {"seqid": "TEXT", "source": "TEXT", "biotype": "TEXT", "start": "INTEGER",
                                    "stop": "INTEGER", "name": "TEXT", "parent_id": "TEXT"}

    def __init__(self, *, data=None, source: str = ":memory:") -> None:
        self.source = source
        self._db = None
        self._init_tables()
        self.add_records(data or [])
        weakref.finalize(self, self.close)  # LEAK

    def add_records(self, reduced) -> None:
        self.db.executemany("INSERT INTO gff VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [(r["seqid"], r["source"], r["biotype"], r["start"], r["stop"], r["name"],
                              r.get("parent_id")) for r in reduced])

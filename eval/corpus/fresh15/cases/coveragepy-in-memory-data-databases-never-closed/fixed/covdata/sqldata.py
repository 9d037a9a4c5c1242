import os
import threading
from typing import Callable, Dict, Iterable, Optional, Set

from .sqlitedb import SqliteDb

SCHEMA = "create table if not exists line (file text, lineno integer, unique (file, lineno))"


class CoverageData:
    def __init__(self, basename: Optional[str] = None, suffix: Optional[str] = None, no_disk: bool = False) -> None:
        self._no_disk = no_disk
        self._basename = os.path.abspath(basename or ".coverage")
        self._suffix = suffix
        self._dbs: Dict[int, SqliteDb] = {}
        self._have_used = False
        self._choose_filename()

    def _choose_filename(self) -> None:
        if self._no_disk:
            self._filename = ":memory:"
        else:
            self._filename = self._basename + ("." + self._suffix if self._suffix else "")

    def _reset(self) -> None:
        if not self._no_disk:
            self.close()
        self._have_used = False

    def close(self, force: bool = False) -> None:
        """Really close all the database objects."""
        for db in self._dbs.values():
            db.close(force=force)
        self._dbs = {}

    def _open_db(self) -> None:
        db = SqliteDb(self._filename)
        self._dbs[threading.get_ident()] = db
        with db:
            db.execute_void(SCHEMA)

    def _connect(self) -> SqliteDb:
        if threading.get_ident() not in self._dbs:
            self._open_db()
        return self._dbs[threading.get_ident()]

    def add_lines(self, line_data: Dict[str, Iterable[int]]) -> None:
        self._have_used = True
        with self._connect() as con:
            for filename, linenos in line_data.items():
                con.executemany_void("insert or ignore into line values (?, ?)",
                                     [(filename, n) for n in linenos])

    def measured_files(self) -> Set[str]:
        with self._connect() as con:
            return {row[0] for row in con.execute_all("select distinct file from line")}

    def lines(self, filename: str) -> Set[int]:
        with self._connect() as con:
            return {row[0] for row in con.execute_all("select lineno from line where file = ?", (filename,))}

    def update(self, other: "CoverageData", map_path: Optional[Callable[[str], str]] = None) -> None:
        mapper = map_path or (lambda p: p)
        self.add_lines({mapper(f): other.lines(f) for f in other.measured_files()})

    def erase(self) -> None:
        self._reset()
        if not self._no_disk and os.path.exists(self._filename):
            os.remove(self._filename)

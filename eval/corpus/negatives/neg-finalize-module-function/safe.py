from __future__ import annotations

import sqlite3
import weakref


def _close(conn: sqlite3.Connection) -> None:
    conn.close()


class Store:
    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path)
        self._finalizer = weakref.finalize(self, _close, self._conn)

    def close(self) -> None:
        self._finalizer()

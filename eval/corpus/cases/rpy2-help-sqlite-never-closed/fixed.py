from __future__ import annotations

import sqlite3
import weakref


class HelpIndex:
    def __init__(self, package: str, path: str) -> None:
        self.package = package
        self._dbcon = sqlite3.connect(path)
        self._finalizer = weakref.finalize(self, self._dbcon.close)

    def topics(self) -> list:
        cursor = self._dbcon.execute("SELECT topic FROM help WHERE package = ?", (self.package,))
        return [row[0] for row in cursor.fetchall()]

    def close(self) -> None:
        self._finalizer()

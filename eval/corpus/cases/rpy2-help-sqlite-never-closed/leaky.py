from __future__ import annotations

import sqlite3


class HelpIndex:
    def __init__(self, package: str, path: str) -> None:
        self.package = package
        self._dbcon = sqlite3.connect(path)  # LEAK

    def topics(self) -> list:
        cursor = self._dbcon.execute("SELECT topic FROM help WHERE package = ?", (self.package,))
        return [row[0] for row in cursor.fetchall()]

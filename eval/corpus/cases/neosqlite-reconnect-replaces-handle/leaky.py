from __future__ import annotations

import sqlite3


class Connection:
    def __init__(self, path: str) -> None:
        self.path = path
        self.db = None
        self.connect()

    def connect(self) -> None:
        self.db = sqlite3.connect(self.path)  # LEAK
        self.db.row_factory = sqlite3.Row

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

from __future__ import annotations

import sqlite3
from typing import Any


class Updates:
    def __init__(self, lci_db: Any) -> None:
        # lci_db wraps the project's open SQLite database (a peewee SqliteDatabase)
        self.lci_db = lci_db

    def set_initial_updates(self) -> list[str]:
        sql = "PRAGMA table_info(activitydataset)"
        with sqlite3.connect(self.lci_db.database) as conn:  # LEAK
            columns = [row[1] for row in conn.execute(sql).fetchall()]
        return columns

    def schema_change_compound_keys(self, scripts: list[str]) -> None:
        with sqlite3.connect(self.lci_db.database) as conn:  # LEAK
            for script in scripts:
                conn.executescript(script)

from __future__ import annotations

import contextlib
import sqlite3
from typing import Any


class Updates:
    def __init__(self, lci_db: Any) -> None:
        # lci_db wraps the project's open SQLite database (a peewee SqliteDatabase)
        self.lci_db = lci_db

    def set_initial_updates(self) -> list[str]:
        sql = "PRAGMA table_info(activitydataset)"
        # reuse the connection the database object already manages
        return [row[1] for row in self.lci_db.execute_sql(sql)]

    def schema_change_compound_keys(self, scripts: list[str]) -> None:
        # closing() closes the connection; sqlite3's own with-block would only commit
        with contextlib.closing(sqlite3.connect(self.lci_db.database)) as conn:
            for script in scripts:
                conn.executescript(script)

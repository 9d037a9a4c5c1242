from __future__ import annotations

from typing import Any


class Updates:
    def __init__(self, lci_db: Any) -> None:
        # lci_db wraps the project's open SQLite database (a peewee SqliteDatabase)
        self.lci_db = lci_db

    def set_initial_updates(self) -> list[str]:
        sql = "PRAGMA table_info(activitydataset)"
        # reuse the connection the database object already manages
        cursor = self.lci_db.execute_sql(sql)
        return [row[1] for row in cursor.fetchall()]

    def schema_change_compound_keys(self, scripts: list[str]) -> None:
        with self.lci_db.atomic():
            for script in scripts:
                for statement in script.split(";"):
                    if statement.strip():
                        self.lci_db.execute_sql(statement)

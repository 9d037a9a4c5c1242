from __future__ import annotations

import os
import sqlite3

DEFAULT_FILEPATH = os.path.expanduser("~/Library/Group Containers/things/main.sqlite")
ENVIRONMENT_VARIABLE_WITH_FILEPATH = "THINGSDB"


class Database:
    """Access the Things SQL database."""

    def __init__(self, filepath=None, print_sql: bool = False) -> None:
        self.filepath = filepath or os.getenv(ENVIRONMENT_VARIABLE_WITH_FILEPATH) or DEFAULT_FILEPATH
        self.print_sql = print_sql
        # "ro" means read-only
        uri = f"file:{self.filepath}?mode=ro"
        self.connection = sqlite3.connect(uri, uri=True)  # LEAK
        assert self.get_version() > 21, "Your database is in an older format."

    def get_version(self) -> int:
        row = self.connection.execute("SELECT value FROM Meta WHERE key = 'databaseVersion'").fetchone()
        return int(row[0]) if row else 0

    def get_tasks(self, type: str | None = None, **kwargs):
        sql = "SELECT uuid, title, type FROM TMTask"
        params = ()
        if type:
            sql += " WHERE type = ?"
            params = (type,)
        return [dict(zip(("uuid", "title", "type"), row)) for row in self.connection.execute(sql, params)]

    def get_task_by_uuid(self, uuid: str):
        row = self.connection.execute("SELECT uuid, title, type FROM TMTask WHERE uuid = ?", (uuid,)).fetchone()
        return dict(zip(("uuid", "title", "type"), row)) if row else None

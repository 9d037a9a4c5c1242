from __future__ import annotations

import sqlite3
from pathlib import Path


class GenerationQueue:
    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._init_db()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.db_path, timeout=30, isolation_level=None)  # LEAK
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        return conn

    def _init_db(self) -> None:
        with self._connect() as conn:  # LEAK
            conn.execute("CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, kind TEXT)")

    def events_since(self, last_id: int) -> list[dict]:
        with self._connect() as conn:  # LEAK
            rows = conn.execute("SELECT * FROM events WHERE id > ? ORDER BY id", (last_id,)).fetchall()
        return [dict(row) for row in rows]

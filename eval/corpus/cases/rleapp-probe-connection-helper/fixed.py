from __future__ import annotations

import sqlite3


def open_readonly(path: str):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    return db


def table_exists(path: str, table: str) -> bool:
    db = open_readonly(path)
    try:
        cursor = db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name=?", (table,))
        return cursor.fetchone() is not None
    finally:
        db.close()

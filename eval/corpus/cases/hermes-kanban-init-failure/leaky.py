from __future__ import annotations

import sqlite3

SCHEMA = "CREATE TABLE IF NOT EXISTS cards (id INTEGER PRIMARY KEY, title TEXT)"


def _apply_wal(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode=WAL")


def open_board(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=10)  # LEAK
    _apply_wal(conn)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(SCHEMA)
    return conn

from __future__ import annotations

import contextlib
import sqlite3


def insert(path: str, name: str) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        with conn:
            conn.execute("INSERT INTO names (name) VALUES (?)", (name,))

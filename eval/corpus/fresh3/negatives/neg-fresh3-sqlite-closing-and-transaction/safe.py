from __future__ import annotations

import sqlite3
from contextlib import closing
from typing import List


def table_columns(path: str, table: str) -> List[str]:
    with closing(sqlite3.connect(path)) as conn:
        with conn:
            rows = conn.execute("PRAGMA table_info(%s)" % table).fetchall()
    return [row[1] for row in rows]

from __future__ import annotations

import sqlite3
from contextlib import ExitStack, closing


def count_rows(paths: list[str], table: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    with ExitStack() as stack:
        connections = {path: stack.enter_context(closing(sqlite3.connect(path))) for path in paths}
        for path, conn in connections.items():
            (counts[path],) = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
    return counts

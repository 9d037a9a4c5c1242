from __future__ import annotations

import contextlib
import sqlite3

DB_PATH = "delivery.db"


@contextlib.contextmanager
def _transaction():
    conn = sqlite3.connect(DB_PATH, timeout=5)
    try:
        with conn:
            yield conn
    finally:
        conn.close()


def record_delivery(message_id: str, target: str) -> None:
    with _transaction() as conn:
        conn.execute("INSERT INTO deliveries (message_id, target) VALUES (?, ?)", (message_id, target))

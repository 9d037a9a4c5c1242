from __future__ import annotations

import sqlite3

DB_PATH = "delivery.db"


def _connect() -> sqlite3.Connection:
    return sqlite3.connect(DB_PATH, timeout=5)


def record_delivery(message_id: str, target: str) -> None:
    with _connect() as conn:  # LEAK
        conn.execute("INSERT INTO deliveries (message_id, target) VALUES (?, ?)", (message_id, target))

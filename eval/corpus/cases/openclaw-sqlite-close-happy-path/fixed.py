from __future__ import annotations

import sqlite3


def save_results(db_path: str, results: list) -> None:
    conn = sqlite3.connect(db_path)
    try:
        for result in results:
            conn.execute("INSERT INTO preflight (name, ok) VALUES (?, ?)", (result["name"], result["ok"]))
        conn.commit()
    finally:
        conn.close()

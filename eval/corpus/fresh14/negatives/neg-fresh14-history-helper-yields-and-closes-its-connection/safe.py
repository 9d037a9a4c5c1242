import contextlib
import sqlite3
from typing import Iterator, List, Tuple


@contextlib.contextmanager
def open_history(path: str) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(path)
    try:
        with conn:
            yield conn
    finally:
        conn.close()


def record(path: str, line: str, status: int) -> None:
    with open_history(path) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS history (line TEXT, status INTEGER)")
        conn.execute("INSERT INTO history VALUES (?, ?)", (line, status))


def recent(path: str, limit: int) -> List[Tuple[str, int]]:
    with open_history(path) as conn:
        cur = conn.execute("SELECT line, status FROM history ORDER BY rowid DESC LIMIT ?", (limit,))
        return cur.fetchall()

from __future__ import annotations

import atexit
import sqlite3
import threading


class ConnectionPool:
    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._idle: list[sqlite3.Connection] = []

    def acquire(self) -> sqlite3.Connection:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return sqlite3.connect(self.path, check_same_thread=False)

    def release(self, conn: sqlite3.Connection) -> None:
        with self._lock:
            if len(self._idle) < 8:
                self._idle.append(conn)
                return
        conn.close()

    def close_all(self) -> None:
        with self._lock:
            while self._idle:
                self._idle.pop().close()


POOL = ConnectionPool("app.db")
atexit.register(POOL.close_all)

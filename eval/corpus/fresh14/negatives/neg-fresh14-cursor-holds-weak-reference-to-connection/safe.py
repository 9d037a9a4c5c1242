import weakref
from typing import Any, List, Optional


class Cursor:
    def __init__(self, conn: "Connection") -> None:
        self._conn = weakref.ref(conn)

    def execute(self, sql: str) -> None:
        conn = self._conn()
        if conn is None:
            raise RuntimeError("connection is gone")
        conn.send(sql)


class Connection:
    def __init__(self, sock: Any) -> None:
        self._sock: Optional[Any] = sock
        self._cursors: List[Cursor] = []

    def cursor(self) -> Cursor:
        cur = Cursor(self)
        self._cursors.append(cur)
        return cur

    def send(self, sql: str) -> None:
        assert self._sock is not None
        self._sock.sendall(sql.encode())

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        self._cursors.clear()

    def __del__(self) -> None:
        self.close()

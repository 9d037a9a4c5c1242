import socket
import weakref
from typing import List, Optional


class Cursor:
    def __init__(self, connection: "Connection") -> None:
        self.connection = connection
        self.rows: List[tuple] = []
        self.closed = False

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.connection.cursors.remove(self)


class Connection:
    def __init__(self, host: str, port: int) -> None:
        self.sock: Optional[socket.socket] = socket.create_connection((host, port))
        self.cursors: List[Cursor] = []
        self._finalizer = weakref.finalize(self, self.sock.close)

    def cursor(self) -> Cursor:
        cur = Cursor(self)
        self.cursors.append(cur)
        return cur

    def close(self) -> None:
        for cur in list(self.cursors):
            cur.close()
        self._finalizer()
        self.sock = None

from __future__ import annotations

import queue
import threading
from contextlib import contextmanager

from rethinkdb import r

lock = threading.Lock()

DATABASE = {"host": "localhost", "port": 28015, "db": "rethink"}


class ConnectionPool:
    """Manage a pool of connections."""

    _idle: "queue.Queue" = queue.Queue()
    _active = 0
    _total = 5

    @contextmanager
    def get(self):
        if self._idle.empty() and self._active < self._total:
            connection = r.connect(host=DATABASE["host"], port=DATABASE["port"], db=DATABASE["db"])
        else:
            connection = self._idle.get()

        self._active += 1

        try:
            yield connection
        finally:
            self._idle.put(connection)
            self._active -= 1


connections = ConnectionPool()


class Model:
    table = "models"

    def __init__(self, **fields) -> None:
        self.fields = fields

    def put(self) -> dict:
        with connections.get() as conn:
            return r.table(self.table).insert(self.fields).run(conn)

    @classmethod
    def get(cls, key: str) -> "Model":
        with connections.get() as conn:
            return cls(**r.table(cls.table).get(key).run(conn))

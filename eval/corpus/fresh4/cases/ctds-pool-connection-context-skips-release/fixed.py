from __future__ import annotations

import threading
import time
from collections import namedtuple
from contextlib import contextmanager

PooledConnection = namedtuple("PooledConnection", ("connection", "released"))


class ConnectionPool:
    def __init__(self, dbapi2, params, idlettl=None, maxsize=None, block=False):
        self._dbapi2 = dbapi2
        self._connection_args = params
        self._nconnections = 0
        self._condition = threading.Condition()
        self._maxsize = maxsize
        self._block = block
        self._idlettl = idlettl
        self._pool = []

    @contextmanager
    def connection(self):
        """Acquire a connection for use in a with block."""
        connection = self.acquire()
        try:
            yield connection
        finally:
            self.release(connection)

    def acquire(self):
        with self._condition:
            if self._maxsize is not None and self._block:
                while not self._pool and self._nconnections == self._maxsize:
                    self._condition.wait()
            while self._pool:
                pooled = self._pool.pop(0)
                if self._idlettl is not None and pooled.released + self._idlettl < time.time():
                    pooled.connection.close()
                    self._nconnections -= 1
                else:
                    return pooled.connection
            connection = self._dbapi2.connect(**self._connection_args.copy())
            self._nconnections += 1
            return connection

    def release(self, connection):
        """Return a connection to the pool (rolled back first); must follow every acquire()."""
        try:
            connection.rollback()
        except self._dbapi2.Error:
            self._close(connection)
            return
        with self._condition:
            if self._maxsize is None or self._maxsize > len(self._pool):
                self._pool.append(PooledConnection(connection, time.time()))
                self._condition.notify()
            else:
                self._close(connection)

    def _close(self, connection):
        self._nconnections -= 1
        connection.close()
